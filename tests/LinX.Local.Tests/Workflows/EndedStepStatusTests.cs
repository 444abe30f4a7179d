using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LinX.Core.Common;
using LinX.Core.Security;
using LinX.Core.Webhooks;
using LinX.Core.Workflows;
using LinX.Local.Tests.Dev;
using LinX.Local.Tests.Webhooks;
using LinX.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Local.Tests.Workflows;

/// <summary>
/// The step that was open when a workflow was cancelled or expired shows CANCELLED or EXPIRED, not ACTIVE: as the
/// orchestrator now writes it (business API, Gateway, webhook), and for rows written before it did (read-time mapping).
/// </summary>
[Collection(LocalHostTests.Name)]
public sealed class EndedStepStatusTests(LocalHostFixture host) : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Cancel_OpenWorkflow_OpenStepIsCancelledInApiGatewayAndWebhook()
    {
        // Arrange: a business of its own, subscribed to workflow updates, with a workflow waiting on its customer.
        var (_, business) = await host.CreateBusinessAsync("Ended Steps Cancel");
        await WebhookDeliveryTests.SubscribeAsync(business, _receiver.Url("cancel"), [WebhookEventTypes.WorkflowUpdated]);
        var workflowId = await DevInbox.CreateWorkflowAsync(host, business);

        // Act
        using var cancel = await business.PostAsync($"/api/linx/workflows/{workflowId}/cancel", null);
        var workflow = await CustomerScript.WaitForStatusAsync(business, workflowId, "CANCELLED");

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal(["COMPLETED", "CANCELLED"], StatusesOf(workflow));
        var view = await new CustomerScript(host).ViewAsync(CustomerScript.TokenOf(host.LinkOf(JsonSerializer.SerializeToElement(new { workflowId }))));
        Assert.Equal(("CANCELLED", "CANCELLED"), (view.GetProperty("status").GetString(), view.GetProperty("steps")[1].GetProperty("status").GetString()));
        var updated = await Poll.UntilAsync(
            () => Task.FromResult(_receiver.For("cancel").LastOrDefault(r => r.Data.GetProperty("workflowId").GetString() == workflowId && r.Data.GetProperty("status").GetString() == "CANCELLED")),
            _ => true,
            CustomerScript.Deadline,
            "the workflow-updated webhook of the cancel");
        Assert.Equal("CANCELLED", updated.Data.GetProperty("currentStepStatus").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(WorkflowStatus.Cancelled, "CANCELLED")]
    [InlineData(WorkflowStatus.Expired, "EXPIRED")]
    public async Task RowWrittenBeforeStepEnds_EndedWithStepActive_ShowsTheStepEndedInApiAndGateway(WorkflowStatus status, string expected)
    {
        // Arrange: a row as the orchestrator wrote an ended workflow before it ended the open step too.
        var (business, client) = await host.CreateBusinessAsync("Ended Steps Legacy " + expected);
        var (workflowId, token) = await StoreLegacyRowAsync(business.BusinessId, status);

        // Act
        var workflow = await client.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{workflowId}");
        var view = await new CustomerScript(host).ViewAsync(token);

        // Assert
        Assert.Equal(["COMPLETED", expected], StatusesOf(workflow));
        Assert.Equal(["COMPLETED", expected], StatusesOf(view));
    }

    private async Task<(Guid WorkflowId, string Token)> StoreLegacyRowAsync(Guid businessId, WorkflowStatus status)
    {
        var crypto = host.Services.GetRequiredService<LinXCrypto>();
        var plan = new WorkflowRequestValidator().Validate(Encoding.UTF8.GetBytes(CustomerScript.Seed(1))).Plan!;
        var workflowId = Guid.NewGuid();
        var token = crypto.LinkToken(workflowId);
        var phone = plan.Notification.PhoneNumber;
        var now = DateTimeOffset.UtcNow;
        var record = new WorkflowRecord
        {
            WorkflowId = workflowId,
            BusinessId = businessId,
            Title = plan.Title,
            Plan = plan,
            Status = status,
            CurrentStep = 1,
            Steps = [new StepState(StepNames.Notification, StepStatus.Completed), new StepState(StepNames.CustomerAccount, StepStatus.Active)],
            CreatedAt = now.AddDays(-3),
            ExpireAt = status == WorkflowStatus.Expired ? now.AddDays(-1) : now.AddDays(1),
            EncryptedPhoneNumber = crypto.Encrypt(phone, workflowId.ToString("D")),
            MaskedPhoneNumber = Masking.Phone(phone),
            LinkTokenHash = LinXCrypto.LinkTokenHash(token)!,
            RequestHash = Hashing.Sha256Hex(workflowId.ToString("D")),
            Version = 3,
        };
        Assert.True((await host.Services.GetRequiredService<IWorkflowStore>().CreateAsync(record, CancellationToken.None)).Created);
        await host.Services.GetRequiredService<ILinkTokenStore>().PutAsync(new LinkTokenEntry(record.LinkTokenHash, businessId, workflowId), CancellationToken.None);
        return (workflowId, token);
    }

    private static List<string?> StatusesOf(JsonElement workflowOrView) =>
        [.. workflowOrView.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString())];
}
