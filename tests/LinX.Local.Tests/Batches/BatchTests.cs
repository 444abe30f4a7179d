using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LinX.Core.Batches;
using LinX.Core.Common;
using LinX.Core.Templates;
using LinX.Infrastructure.Storage;
using LinX.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Local.Tests.Batches;

/// <summary>
/// Batches end to end on the real host: accepted at once, each entry validated on its own (the invalid ones REJECTED
/// with their field errors, the others started), counts, entries by status, cancel mid-way, idempotent replay, tenancy.
/// </summary>
[Collection(BatchHostTests.Name)]
public sealed class BatchTests(BatchHostFixture host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Create_TwentyEntriesTwoInvalid_RejectsThoseWithTheirErrorsAndStartsTheRest()
    {
        // Arrange
        var (owner, business) = await host.CreateBusinessAsync("Batch Twenty");
        var template = await BatchTemplate.SeedAsync(host, owner.BusinessId);
        var body = Body(template, 20, "batch-twenty-1", invalid: position => position switch
        {
            3 => entry => entry["parameters"]!["phoneNumber"] = "+1416",
            11 => entry => entry.Remove("title"),
            _ => null,
        });

        // Act
        using var created = await business.PostAsJsonAsync("/api/linx/workflow-batches", body);
        var accepted = await created.Content.ReadFromJsonAsync<JsonElement>();
        var batchId = accepted.GetProperty("batchId").GetString()!;
        var done = await WaitForBatchAsync(business, batchId, b => b.GetProperty("status").GetString() == "COMPLETED");

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        Assert.Equal("batch-twenty-1", accepted.GetProperty("idempotencyKey").GetString());
        Assert.Equal($"/api/linx/workflow-batches/{batchId}", created.Headers.Location!.OriginalString);
        Assert.Equal((2, 18, 0, 20), Counts(done, "rejected", "active", "pending", "total"));
        Assert.Equal(template.TemplateVersionId.ToString(), done.GetProperty("templateVersionId").GetString());
        Assert.Equal(("Open an account", 1), (done.GetProperty("templateDisplayName").GetString(), done.GetProperty("templateVersion").GetInt32()));

        var rejected = await EntriesAsync(business, batchId, "REJECTED");
        Assert.Equal([3, 11], rejected.Select(e => e.GetProperty("position").GetInt32()));
        Assert.Equal("$.parameters.phoneNumber", rejected[0].GetProperty("fieldErrors")[0].GetProperty("fieldName").GetString());
        Assert.Equal("$.title", rejected[1].GetProperty("fieldErrors")[0].GetProperty("fieldName").GetString());
        Assert.All(rejected, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("id").ValueKind));
        Assert.Equal(rejected[1].GetProperty("fieldErrors")[0].GetProperty("code").GetString(), rejected[1].GetProperty("errorCode").GetString());

        var started = await EntriesAsync(business, batchId, "STARTED");
        Assert.Equal(18, started.Count);
        var first = await business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{started[0].GetProperty("id").GetString()}");
        Assert.Equal(batchId, first.GetProperty("batchId").GetString());
        Assert.Equal("Refund 0", first.GetProperty("title").GetString());
        Assert.Equal(Masking.Phone("+14165550000"), started[0].GetProperty("phoneNumber").GetString());
        Assert.Equal(18, await WorkflowsOfBatchAsync(batchId));
    }

    [Fact]
    public async Task Create_SameKey_ReplaysTheBatch_AndAnotherBodyIsAConflict()
    {
        var (owner, business) = await host.CreateBusinessAsync("Batch Replay");
        var template = await BatchTemplate.SeedAsync(host, owner.BusinessId);
        using var first = await business.PostAsJsonAsync("/api/linx/workflow-batches", Body(template, 2, "batch-replay-1"));
        var batchId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString();

        using var again = await business.PostAsJsonAsync("/api/linx/workflow-batches", Body(template, 2, "batch-replay-1"));
        using var other = await business.PostAsJsonAsync("/api/linx/workflow-batches", Body(template, 3, "batch-replay-1"));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, again.StatusCode));
        Assert.Equal(batchId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
        await WaitForBatchAsync(business, batchId!, b => b.GetProperty("status").GetString() == "COMPLETED");
        Assert.Equal(2, await WorkflowsOfBatchAsync(batchId!));
    }

    [Fact]
    public async Task Create_BadHeader_Is400ListingEveryProblem_AndStoresNothing()
    {
        var (owner, business) = await host.CreateBusinessAsync("Batch Bad Header");
        var body = Body(await BatchTemplate.SeedAsync(host, owner.BusinessId), 2, "short");
        body["header"]!["requestsInBatch"] = 3;

        using var response = await business.PostAsJsonAsync("/api/linx/workflow-batches", body);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["$.header.requestsInBatch", "$.header.idempotencyKey"],
            problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).Order(StringComparer.Ordinal).Reverse());
        var list = await business.GetFromJsonAsync<JsonElement>("/api/linx/workflow-batches");
        Assert.Equal(0, list.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Batch_OfAnotherBusiness_IsNotFound()
    {
        var (ownerBusiness, owner) = await host.CreateBusinessAsync("Batch Owner");
        var (_, other) = await host.CreateBusinessAsync("Batch Other");
        var template = await BatchTemplate.SeedAsync(host, ownerBusiness.BusinessId);
        using var created = await owner.PostAsJsonAsync("/api/linx/workflow-batches", Body(template, 1, "batch-owner-1"));
        using var othersTemplate = await other.PostAsJsonAsync("/api/linx/workflow-batches", Body(template, 1, "batch-other-1"));
        var batchId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString();

        using var get = await other.GetAsync($"/api/linx/workflow-batches/{batchId}");
        using var entries = await other.GetAsync($"/api/linx/workflow-batches/{batchId}/entries");
        using var cancel = await other.PostAsync($"/api/linx/workflow-batches/{batchId}/cancel", null);
        var list = await other.GetFromJsonAsync<JsonElement>("/api/linx/workflow-batches");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { get.StatusCode, entries.StatusCode, cancel.StatusCode });
        Assert.Equal(0, list.GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, othersTemplate.StatusCode);
        Assert.Equal("TEMPLATE_NOT_FOUND", (await othersTemplate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("errorCode").GetString());
        await WaitForBatchAsync(owner, batchId!, b => b.GetProperty("status").GetString() == "COMPLETED");
    }

    [Fact]
    public async Task Cancel_MidBatch_EntriesNotStartedNeverStart_AndStartedWorkflowsAreCancelled()
    {
        // Arrange: 30 entries at 5 a second take 6 seconds; cancel once the first have started.
        var (owner, business) = await host.CreateBusinessAsync("Batch Cancel");
        var template = await BatchTemplate.SeedAsync(host, owner.BusinessId);
        using var created = await business.PostAsJsonAsync("/api/linx/workflow-batches", Body(template, 30, "batch-cancel-1"));
        var batchId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString()!;
        await WaitForBatchAsync(business, batchId, b => b.GetProperty("activeRequestsCount").GetInt32() > 0);

        // Act
        using var cancel = await business.PostAsync($"/api/linx/workflow-batches/{batchId}/cancel", null);
        var cancelled = await WaitForBatchAsync(business, batchId, b => Counts(b, "pending", "active") == (0, 0));
        await WaitForOrchestratorAsync(batchId);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal("CANCELLING", cancelled.GetProperty("status").GetString());
        var notStarted = await EntriesAsync(business, batchId, "CANCELLED");
        var started = await EntriesAsync(business, batchId, "STARTED");
        Assert.NotEmpty(notStarted);
        Assert.NotEmpty(started);
        Assert.Equal(30, notStarted.Count + started.Count);
        Assert.All(started, e => Assert.Equal("CANCELLED", e.GetProperty("workflowStatus").GetString()));
        Assert.Equal(30, cancelled.GetProperty("cancelledRequestsCount").GetInt32());
        Assert.Equal(started.Count, await WorkflowsOfBatchAsync(batchId));
    }

    internal static JsonObject Body(TemplateVersion template, int count, string? key, Func<int, Action<JsonObject>?>? invalid = null)
    {
        var entries = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var entry = new JsonObject
            {
                ["title"] = $"Refund {i}",
                ["expiryInHours"] = 48,
                ["parameters"] = new JsonObject { ["phoneNumber"] = $"+1416555{i:D4}" },
            };
            invalid?.Invoke(i)?.Invoke(entry);
            entries.Add(entry);
        }

        var header = new JsonObject
        {
            ["useTemplate"] = new JsonObject { ["templateId"] = template.TemplateId.ToString() },
            ["requestsInBatch"] = count,
        };
        if (key is not null)
        {
            header["idempotencyKey"] = key;
        }

        return new JsonObject { ["header"] = header, ["payload"] = new JsonObject { ["batchEntries"] = entries } };
    }

    private static (int, int) Counts(JsonElement batch, string a, string b) =>
        (batch.GetProperty(a + "RequestsCount").GetInt32(), batch.GetProperty(b + "RequestsCount").GetInt32());

    private static (int, int, int, int) Counts(JsonElement batch, string a, string b, string c, string d) =>
        (batch.GetProperty(a + "RequestsCount").GetInt32(), batch.GetProperty(b + "RequestsCount").GetInt32(),
         batch.GetProperty(c + "RequestsCount").GetInt32(), batch.GetProperty(d + "RequestsCount").GetInt32());

    private static Task<JsonElement> WaitForBatchAsync(HttpClient business, string batchId, Func<JsonElement, bool> done) =>
        Poll.UntilAsync(() => business.GetFromJsonAsync<JsonElement>($"/api/linx/workflow-batches/{batchId}"), done, Deadline, "the batch");

    private static async Task<List<JsonElement>> EntriesAsync(HttpClient business, string batchId, string status)
    {
        var page = await business.GetFromJsonAsync<JsonElement>($"/api/linx/workflow-batches/{batchId}/entries?status={status}&size=100");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private async Task WaitForOrchestratorAsync(string batchId)
    {
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        await Poll.UntilAsync(
            async () => (await client.GetInstanceAsync(BatchOrchestration.InstanceIdOf(Guid.Parse(batchId))))?.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            Deadline,
            "the batch orchestrator to end");
    }

    /// <summary>The workflow rows a batch started, straight from storage.</summary>
    private async Task<int> WorkflowsOfBatchAsync(string batchId)
    {
        var table = host.Services.GetRequiredService<TableStorage>().Workflows;
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"BatchId eq {Guid.Parse(batchId)}"), select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }
}
