using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LinX.Testing;
using Xunit.Abstractions;

namespace LinX.Local.Tests.Security;

/// <summary>
/// Security issue 19, on the real host and real (stopped, frozen) Azurite: a storage fault is 503 with
/// <c>Retry-After</c>, never a 500 or a hang; <c>/health/ready</c> reports it and <c>/health/live</c> does not; and a
/// create that failed leaves nothing a retry with the same Idempotency-Key does not complete exactly once.
/// </summary>
public sealed class StorageFaultTests(StorageFaultHostFixture host, ITestOutputHelper output) : IClassFixture<StorageFaultHostFixture>
{
    /// <summary>How long the host may take to be ready again once its storage is back.</summary>
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CreateWorkflow_StorageStopped_Is503WithRetryAfterAndARetryCreatesItOnce()
    {
        // Arrange
        using var business = await host.NewBusinessAsync();
        var key = "storage-stopped-" + Guid.NewGuid().ToString("N");
        Answer create;
        Answer search;

        // Act: create and search with both Azurites gone, then bring them back with their data.
        await Task.WhenAll(host.Tables.StopAsync(), host.TaskHub.StopAsync());
        try
        {
            create = await TimedAsync("POST /api/linx/workflows, Azurite stopped", () => CustomerScript.PostWorkflowAsync(business, CustomerScript.Seed(1), key));
            search = await TimedAsync("GET /api/linx/workflows, Azurite stopped", () => GetAsync(business, "/api/linx/workflows"));
        }
        finally
        {
            await Task.WhenAll(host.Tables.StartAsync(), host.TaskHub.StartAsync());
        }

        // Assert: 503 with Retry-After, no workflow from that request, and the retry creates one, once.
        AssertServiceUnavailable(create);
        AssertServiceUnavailable(search);
        await WaitUntilReadyAsync();
        Assert.Empty(await ListAsync(business));
        var (retry, created) = await CustomerScript.PostWorkflowAsync(business, CustomerScript.Seed(1), key);
        var (again, replayed) = await CustomerScript.PostWorkflowAsync(business, CustomerScript.Seed(1), key);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var workflowId = created.GetProperty("workflowId").GetString();
        Assert.Equal(workflowId, replayed.GetProperty("workflowId").GetString());
        Assert.Equal([workflowId], (await ListAsync(business)).Select(w => w.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Requests_StorageFrozen_Are503WithinTheDeadlineAndOnlyReadinessIsUnhealthy()
    {
        // Arrange
        using var business = await host.NewBusinessAsync();
        using var probe = host.NewClient();
        var key = "storage-frozen-" + Guid.NewGuid().ToString("N");
        Answer create;
        Answer ready;
        Answer live;

        // Act: both Azurites accept connections and answer nothing (SIGSTOP), always resumed.
        host.Tables.Freeze();
        try
        {
            host.TaskHub.Freeze();
            create = await TimedAsync("POST /api/linx/workflows, Azurite frozen", () => CustomerScript.PostWorkflowAsync(business, CustomerScript.Seed(1), key));
            ready = await TimedAsync("GET /health/ready, Azurite frozen", () => GetAsync(probe, "/health/ready"));
            live = await TimedAsync("GET /health/live, Azurite frozen", () => GetAsync(probe, "/health/live"));
        }
        finally
        {
            host.TaskHub.Thaw();
            host.Tables.Thaw();
        }

        // Assert: 503 (not a hang), ready Unhealthy on both checks, live 200; ready again once resumed; nothing written.
        AssertServiceUnavailable(create);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Response.StatusCode);
        Assert.Equal("Unhealthy", ready.Body.GetProperty("status").GetString());
        Assert.Equal(
            [("durable", "Unhealthy"), ("storage", "Unhealthy")],
            Checks(ready.Body).Order());
        Assert.Equal(HttpStatusCode.OK, live.Response.StatusCode);
        Assert.Equal("Healthy", live.Body.GetProperty("status").GetString());
        await WaitUntilReadyAsync();
        Assert.Empty(await ListAsync(business));
        var (retry, _) = await CustomerScript.PostWorkflowAsync(business, CustomerScript.Seed(1), key);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Single(await ListAsync(business));
    }

    [Fact]
    public async Task CreateWorkflow_DurableBackendStoppedAfterTheRowIsWritten_Is503AndARetryWithTheSameKeyStartsIt()
    {
        // Arrange
        using var business = await host.NewBusinessAsync();
        using var probe = host.NewClient();
        var key = "durable-stopped-" + Guid.NewGuid().ToString("N");
        Answer create;
        Answer ready;
        IReadOnlyList<JsonElement> listed;

        // Act: the tables answer, the task hub's storage is gone: the row is written, the schedule fails.
        await host.TaskHub.StopAsync();
        try
        {
            create = await TimedAsync("POST /api/linx/workflows, task hub stopped", () => CustomerScript.PostWorkflowAsync(business, CustomerScript.Seed(1), key));
            ready = await TimedAsync("GET /health/ready, task hub stopped", () => GetAsync(probe, "/health/ready"));
            listed = await ListAsync(business);
        }
        finally
        {
            await host.TaskHub.StartAsync();
        }

        // Assert: 503; the workflow is listed as CREATED saying it could not be confirmed as started (the backend cannot
        // tell whether the schedule went through, so it is not called FAILED), until the retry with the same key starts it.
        AssertServiceUnavailable(create);
        Assert.Equal([("durable", "Unhealthy"), ("storage", "Healthy")], Checks(ready.Body).Order());
        var written = Assert.Single(listed);
        Assert.Equal("CREATED", written.GetProperty("status").GetString());
        Assert.Contains("same Idempotency-Key", written.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        output.WriteLine($"listed while the task hub was down: 1 workflow, {written.GetProperty("status").GetString()} (row written, orchestration not scheduled)");
        await WaitUntilReadyAsync();
        var (retry, created) = await CustomerScript.PostWorkflowAsync(business, CustomerScript.Seed(1), key);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var workflowId = created.GetProperty("workflowId").GetString()!;
        Assert.Equal(written.GetProperty("id").GetString(), workflowId);
        await CustomerScript.WaitForStatusAsync(business, workflowId, "ACTIVE");
        Assert.Single(await ListAsync(business));
    }

    private static void AssertServiceUnavailable(Answer answer)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Response.StatusCode);
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.True(answer.Response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After in seconds");
        Assert.Equal("SERVICE_UNAVAILABLE", answer.Body.GetProperty("errorCode").GetString());
    }

    private static IEnumerable<(string Name, string Status)> Checks(JsonElement health) =>
        health.GetProperty("checks").EnumerateArray().Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("status").GetString()!));

    private static async Task<Answer> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    private static async Task<IReadOnlyList<JsonElement>> ListAsync(HttpClient business) =>
        [.. (await business.GetFromJsonAsync<JsonElement>("/api/linx/workflows?size=100")).GetProperty("content").EnumerateArray()];

    private async Task<Answer> TimedAsync(string what, Func<Task<(HttpResponseMessage Response, JsonElement Body)>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var (response, body) = await call();
        output.WriteLine($"{what}: {(int)response.StatusCode} after {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s"
            + $" (Retry-After {response.Headers.RetryAfter?.Delta?.TotalSeconds}; storage {StorageFaultHostFixture.StorageTimeout.TotalSeconds:0} s x {StorageFaultHostFixture.StorageMaxRetries + 1} tries, request {StorageFaultHostFixture.RequestTimeout.TotalSeconds:0} s)");
        return new Answer(response, body);
    }

    private async Task<Answer> TimedAsync(string what, Func<Task<Answer>> call) =>
        await TimedAsync(what, async () => { var answer = await call(); return (answer.Response, answer.Body); });

    private async Task WaitUntilReadyAsync()
    {
        using var probe = host.NewClient();
        var started = Stopwatch.GetTimestamp();
        await Poll.UntilAsync(async () => (await probe.GetAsync("/health/ready")).IsSuccessStatusCode, Recovery, "/health/ready to be 200");
        output.WriteLine($"ready again after {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s");
    }

    private sealed record Answer(HttpResponseMessage Response, JsonElement Body);
}
