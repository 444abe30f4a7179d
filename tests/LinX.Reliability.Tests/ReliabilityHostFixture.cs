using LinX.Bench.Harness;
using LinX.Testing;

namespace LinX.Reliability.Tests;

/// <summary>One Azurite (in memory) and the real local host in-process on it, shared by the concurrency and bad-input tests.</summary>
public sealed class ReliabilityHostFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();

    public InProcessHost Host { get; private set; } = null!;

    public StorageScan Scan { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        var settings = new HostSettings(_azurite.ConnectionString);
        settings.Values["LinX:Durable:PartitionCount"] = "2";
        settings.Values["LinX:Durable:MaxQueuePollingInterval"] = "00:00:00.100";
        Host = await InProcessHost.StartAsync(settings);
        Scan = new StorageScan(settings);
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    /// <summary>Creates a seed example and waits until its first interactive step is the customer's.</summary>
    public async Task<CreateResult> CreateActiveAsync(int seed, string? idempotencyKey = null)
    {
        var created = await Host.Api.CreateAsync(Seeds.Json(seed), idempotencyKey ?? Guid.NewGuid().ToString("N"));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, created.Status);
        await WaitForStepAsync(created.Token!, Seeds.StepsOf(seed)[0]);
        return created;
    }

    /// <summary>Waits until the current step is <paramref name="step"/> and ACTIVE.</summary>
    public Task WaitForStepAsync(string token, string step) =>
        Poll.UntilAsync(
            async () => await Host.Api.ViewAsync(token) is { } view
                && view.GetProperty("steps")[view.GetProperty("currentStep").GetInt32()] is var current
                && current.GetProperty("name").GetString() == step
                && current.GetProperty("status").GetString() == "ACTIVE",
            TimeSpan.FromSeconds(30),
            $"step {step} to be active");

    /// <summary>Waits until the workflow has <paramref name="status"/>.</summary>
    public Task WaitForStatusAsync(string workflowId, string status) =>
        Poll.UntilAsync(
            async () => (await Host.Api.WorkflowAsync(workflowId)).GetProperty("status").GetString() == status,
            TimeSpan.FromSeconds(30),
            $"workflow {workflowId} to be {status}");
}

[CollectionDefinition(Name)]
public sealed class ReliabilityHostTests : ICollectionFixture<ReliabilityHostFixture>
{
    public const string Name = "ReliabilityHost";
}
