using System.Text;
using System.Text.Json.Nodes;
using LinX.Core.Batches;

namespace LinX.Core.Tests.Batches;

public sealed class BatchRequestReaderTests
{
    private const string TemplateId = "eb9b3097-9b8b-463f-ab61-a6dbd93cb88d";

    [Fact]
    public void Read_ValidBatch_KeepsEachEntryAsSent()
    {
        // Act
        var (request, errors) = Read(Body(2, entries: 2, key: "batch-key-1"));

        // Assert
        Assert.Empty(errors);
        Assert.Equal(Guid.Parse(TemplateId), request!.TemplateId);
        Assert.Null(request.TemplateName);
        Assert.Equal("batch-key-1", request.IdempotencyKey);
        Assert.Equal(2, request.Entries.Count);
        Assert.Equal("Refund 1", JsonNode.Parse(request.Entries[1])!["title"]!.GetValue<string>());
    }

    [Fact]
    public void Read_TemplateByName_WithoutKey_IsValid()
    {
        var body = Body(1, entries: 1);
        body["header"]!["useTemplate"] = new JsonObject { ["templateName"] = "send-a-rebate" };

        var (request, errors) = Read(body);

        Assert.Empty(errors);
        Assert.Equal("send-a-rebate", request!.TemplateName);
        Assert.Null(request.IdempotencyKey);
    }

    [Fact]
    public void Read_CountDiffersFromEntries_IsRejectedOnRequestsInBatch()
    {
        var (request, errors) = Read(Body(3, entries: 2));

        Assert.Null(request);
        var error = Assert.Single(errors);
        Assert.Equal((BatchRequestReader.CountPath, ServiceErrorCodes.BatchEntryCountMismatch), (error.Path, error.ErrorCode));
    }

    [Fact]
    public void Read_EveryHeaderProblem_IsListedAtOnce()
    {
        var body = Body(1, entries: 1, key: "short");
        body["header"]!["useTemplate"] = new JsonObject { ["templateId"] = TemplateId, ["templateName"] = "both" };
        body["header"]!["requestsInBatch"] = 10_001;
        body["header"]!["extra"] = true;

        var (request, errors) = Read(body);

        Assert.Null(request);
        Assert.Equal(
            [
                ("$.header.extra", "UNKNOWN_FIELD"),
                (BatchRequestReader.TemplatePath + ".templateName", "TEMPLATE_REFERENCE_CONFLICT"),
                (BatchRequestReader.CountPath, "VALUE_OUT_OF_RANGE"),
                (BatchRequestReader.KeyPath, ServiceErrorCodes.IdempotencyKeyInvalid),
            ],
            errors.Select(e => (e.Path, e.ErrorCode)));
    }

    [Theory]
    [InlineData("{}", "$.header|$.payload")]
    [InlineData("{\"header\":{},\"payload\":{\"batchEntries\":[]}}", "$.header.useTemplate|$.header.requestsInBatch|$.payload.batchEntries")]
    [InlineData("{\"header\":{\"useTemplate\":{\"templateId\":\"nope\"},\"requestsInBatch\":\"1\"},\"payload\":{\"batchEntries\":[1]}}", "$.header.useTemplate.templateId|$.header.requestsInBatch|$.payload.batchEntries[0]")]
    [InlineData("[", "$")]
    public void Read_MalformedShape_NamesEachPath(string json, string paths)
    {
        var (request, errors) = BatchRequestReader.Read(Encoding.UTF8.GetBytes(json));

        Assert.Null(request);
        Assert.Equal(paths.Split('|'), errors.Select(e => e.Path));
    }

    [Fact]
    public void Read_InvalidEntryContent_IsLeftForTheEntrysOwnValidation()
    {
        var body = Body(1, entries: 1);
        body["payload"]!["batchEntries"]![0]!["parameters"] = "not an object";

        var (request, errors) = Read(body);

        Assert.Empty(errors);
        Assert.Single(request!.Entries);
    }

    private static (BatchRequest? Request, IReadOnlyList<FieldError> Errors) Read(JsonObject body) =>
        BatchRequestReader.Read(Encoding.UTF8.GetBytes(body.ToJsonString()));

    private static JsonObject Body(int count, int entries, string? key = null)
    {
        var header = new JsonObject { ["useTemplate"] = new JsonObject { ["templateId"] = TemplateId }, ["requestsInBatch"] = count };
        if (key is not null)
        {
            header["idempotencyKey"] = key;
        }

        var list = new JsonArray();
        for (var i = 0; i < entries; i++)
        {
            list.Add(new JsonObject { ["title"] = $"Refund {i}", ["parameters"] = new JsonObject { ["phoneNumber"] = "+14165550100" } });
        }

        return new JsonObject { ["header"] = header, ["payload"] = new JsonObject { ["batchEntries"] = list } };
    }
}
