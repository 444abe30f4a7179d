using LinX.Core.Orchestration;
using Microsoft.DurableTask.Client;

namespace LinX.Functions.Orchestration;

/// <summary>
/// The <see cref="IOrchestrationClient"/> that application services resolve in the Functions host. Durable
/// Functions hands out its <see cref="DurableTaskClient"/> only through a <c>[DurableClient]</c> binding, not
/// through DI, so this scoped (per invocation) service is bound to it by the function before the service is
/// called: <c>orchestrationClient.Use(client)</c>, then everything is <see cref="DurableTaskClientAdapter"/>.
/// </summary>
public sealed class InvocationOrchestrationClient : IOrchestrationClient
{
    private const string NotBound =
        "No Durable client in this invocation: take a [DurableClient] DurableTaskClient parameter and call Use(client) first.";

    private DurableTaskClient? _client;
    private DurableTaskClientAdapter? _inner;

    /// <summary>Binds this invocation's Durable client.</summary>
    public void Use(DurableTaskClient client)
    {
        _inner = new DurableTaskClientAdapter(client);
        _client = client;
    }

    /// <summary>
    /// The bound Durable client itself, for what only Durable Functions offers on it (the management payload of
    /// <see cref="LinX.Functions.Management.FunctionsManagementUrls"/>).
    /// </summary>
    public DurableTaskClient Client => _client ?? throw new InvalidOperationException(NotBound);

    private DurableTaskClientAdapter Inner => _inner ?? throw new InvalidOperationException(NotBound);

    public Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input, string instanceId, CancellationToken cancellationToken = default) =>
        Inner.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, instanceId, cancellationToken);

    public Task<OrchestrationInstance?> GetInstanceAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        Inner.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken);

    public Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default) =>
        Inner.RaiseEventAsync(instanceId, eventName, eventPayload, cancellationToken);

    public Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default) =>
        Inner.TerminateInstanceAsync(instanceId, output, cancellationToken);

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Inner.PurgeInstanceAsync(instanceId, cancellationToken);
}
