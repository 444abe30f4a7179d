using System.Text.Json;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Workflows;

public sealed class WorkflowRequestTests
{
    [Fact]
    public void Deserialize_Seed_ReadsNumericStringsAndNumbers()
    {
        var request = JsonSerializer.Deserialize<WorkflowRequest>(RequestCorpus.Valid(RequestCorpus.Seed3), WorkflowJson.Options);

        Assert.Equal(2, request?.ExpireIn);
        Assert.Equal(256.25m, request?.Parameters?.Amount);
        Assert.Equal(["notification", "customer-account", "financial-account", "move-money"], request?.Steps?.Select(s => s.Name));
    }

    [Fact]
    public void Serialize_Request_WritesCamelCaseAndOmitsNulls()
    {
        var request = new WorkflowRequest
        {
            Title = "t",
            ExpireIn = 2,
            Parameters = new WorkflowRequestParameters { Channel = "SMS", Amount = 1.5m },
            Steps = [new WorkflowRequestStep("notification")],
        };

        var json = JsonSerializer.Serialize(request, WorkflowJson.Options);

        Assert.Equal("{\"title\":\"t\",\"expireIn\":2,\"parameters\":{\"channel\":\"SMS\",\"amount\":1.5},\"steps\":[{\"name\":\"notification\"}]}", json);
    }

    [Theory]
    [InlineData("{\"expireIn\":\"1e2\"}")]
    [InlineData("{\"expireIn\":2.5}")]
    [InlineData("{\"parameters\":{\"amount\":\" 1\"}}")]
    [InlineData("{\"parameters\":{\"amount\":true}}")]
    public void Deserialize_NotAPlainNumber_Throws(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<WorkflowRequest>(json, WorkflowJson.Options));
    }
}
