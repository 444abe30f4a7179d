using Grpc.Core;
using LinX.Api.Health;
using LinX.Functions.Functions.Http;
using LinX.Infrastructure.Sms;
using LinX.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;

namespace LinX.Functions.Tests.Functions.Http;

/// <summary>The health functions on the Functions host as <c>Program</c> builds it, against a real (or an absent) storage.</summary>
public sealed class HealthFunctionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Live_AnyState_Is200HealthyWithNoCheck()
    {
        using var host = NewHost(ConnectionStringTo(Ports.Free()));
        await using var invocation = new FunctionInvocation(host.Services.CreateAsyncScope());
        var request = invocation.Request("GET", "/health/live");

        var response = await FunctionInvocation.ExecuteAsync(request, HealthFunctions.Live(request));

        Assert.Equal(200, response.Status);
        Assert.Equal("Healthy", response.Json.GetProperty("status").GetString());
        Assert.Empty(response.Json.GetProperty("checks").EnumerateArray());
    }

    [Fact]
    public async Task Ready_StorageAndDurableBackendAnswer_Is200WithEachCheckHealthy()
    {
        using var host = NewHost(azurite.ConnectionString);
        await using var invocation = new FunctionInvocation(host.Services.CreateAsyncScope());
        invocation.Durable.KnowsNoInstances();

        var response = await ReadyAsync(invocation);

        Assert.Equal(200, response.Status);
        Assert.Equal([(LinXHealthChecks.DurableBackend, "Healthy"), (LinXHealthChecks.Storage, "Healthy")], Checks(response));
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task Ready_StorageRefusesConnections_Is503WithTheStorageCheckUnhealthy()
    {
        using var host = NewHost(ConnectionStringTo(Ports.Free()));
        await using var invocation = new FunctionInvocation(host.Services.CreateAsyncScope());
        invocation.Durable.KnowsNoInstances();

        var response = await ReadyAsync(invocation);

        Assert.Equal(503, response.Status);
        Assert.Equal("Unhealthy", response.Json.GetProperty("status").GetString());
        Assert.Equal([(LinXHealthChecks.DurableBackend, "Healthy"), (LinXHealthChecks.Storage, "Unhealthy")], Checks(response));
        Assert.DoesNotContain("refused", response.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ready_DurableBackendUnavailable_Is503WithTheDurableCheckUnhealthy()
    {
        using var host = NewHost(azurite.ConnectionString);
        await using var invocation = new FunctionInvocation(host.Services.CreateAsyncScope());
        invocation.Durable.Backend
            .Setup(c => c.GetInstancesAsync(DurableBackendHealthCheck.ProbeInstanceId, It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(StatusCode.Unavailable, "secret")));

        var response = await ReadyAsync(invocation);

        Assert.Equal(503, response.Status);
        Assert.Equal([(LinXHealthChecks.DurableBackend, "Unhealthy"), (LinXHealthChecks.Storage, "Healthy")], Checks(response));
        Assert.DoesNotContain("secret", response.Text, StringComparison.Ordinal);
    }

    private static async Task<TestResponse> ReadyAsync(FunctionInvocation invocation)
    {
        var request = invocation.Request("GET", "/health/ready");
        return await FunctionInvocation.RunAsync(request, r => HealthFunctions.ReadyAsync(r, invocation.Client));
    }

    private static IEnumerable<(string, string)> Checks(TestResponse response) =>
        response.Json.GetProperty("checks").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("status").GetString()!))
            .Order();

    /// <summary>The Functions host as <c>Program</c> builds it (never run), on the given storage.</summary>
    private static IHost NewHost(string storageConnectionString) =>
        LinXFunctionsApplication.Create([], builder => builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>(FunctionsHostFixture.Settings(storageConnectionString, AzuriteFixture.UniqueName("hf")))
            {
                ["LinX:Sms:Provider"] = nameof(SmsProvider.DevInbox),
            }));

    private static string ConnectionStringTo(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
}
