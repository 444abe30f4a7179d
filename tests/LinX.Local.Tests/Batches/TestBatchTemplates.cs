using System.Text;
using System.Text.Json.Nodes;
using LinX.Core;
using LinX.Core.Batches;
using LinX.Core.Businesses;
using LinX.Core.Workflows;

namespace LinX.Local.Tests.Batches;

/// <summary>
/// One template, "notification then customer-account", for every business: an entry's title, expiry, memo and
/// parameters composed into a workflow request and validated by <see cref="WorkflowRequestValidator"/>.
/// </summary>
public sealed class TestBatchTemplates : IBatchTemplates
{
    public static readonly BatchTemplateRef Template = new(Guid.Parse("eb9b3097-9b8b-463f-ab61-a6dbd93cb88d"), Guid.Parse("18c49ebd-f144-4ba8-abce-25068220176c"), 1, "Open an account");

    public Task<ServiceResult<BatchTemplateRef>> ResolveAsync(Business business, Guid? templateId, string? templateName, CancellationToken cancellationToken) =>
        Task.FromResult(templateId == Template.TemplateId
            ? ServiceResult.Ok(Template)
            : ServiceResult.Fail<BatchTemplateRef>(ServiceOutcome.Unprocessable, new FieldError("$.header.useTemplate", "No such template.", ServiceErrorCodes.NotFound)));

    public Task<Func<string, WorkflowValidationResult>?> ComposerAsync(Business business, BatchTemplateRef template, CancellationToken cancellationToken) =>
        Task.FromResult<Func<string, WorkflowValidationResult>?>(Compose);

    private static WorkflowValidationResult Compose(string entryJson)
    {
        var entry = JsonNode.Parse(entryJson)!.AsObject();
        var parameters = entry["parameters"]?.DeepClone() as JsonObject ?? [];
        parameters["channel"] = "SMS";
        var request = new JsonObject
        {
            ["title"] = entry["title"]?.DeepClone(),
            ["parameters"] = parameters,
            ["steps"] = new JsonArray(new JsonObject { ["name"] = "notification" }, new JsonObject { ["name"] = "customer-account" }),
        };
        if (entry["expiryInHours"] is { } hours)
        {
            request["expireInHours"] = hours.DeepClone();
        }

        if (entry["customerMemo"] is { } memo)
        {
            request["customerMemo"] = memo.DeepClone();
        }

        if (request["title"] is null)
        {
            request.Remove("title");
        }

        return new WorkflowRequestValidator().Validate(Encoding.UTF8.GetBytes(request.ToJsonString()));
    }
}
