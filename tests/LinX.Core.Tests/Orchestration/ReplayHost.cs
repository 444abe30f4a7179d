using System.Text.Json;
using LinX.Core.Orchestration;
using LinX.Core.Webhooks;
using LinX.Core.Workflows;
using LinX.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Core.Tests.Orchestration;

/// <summary>
/// The SDK's in-memory engine (<see cref="DurableTaskTestHost"/>: real history, replay, durable timers and events)
/// with both orchestrators and <see cref="FakeActivities"/>. Payloads go through the same Web JSON converter as in
/// production (LinX.Local); the host picks it up as the <see cref="DataConverter"/> service on worker and client alike.
/// Shared by the tests of a class: each test uses its own business, workflow and subscription ids.
/// </summary>
public sealed class ReplayHost : IAsyncLifetime
{
    private const int StartAttempts = 5;
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly DataConverter Converter = new JsonDataConverter(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private DurableTaskTestHost? _host;

    internal FakeActivities Activities { get; } = new();

    internal SdkEventProbe Probe { get; } = new();

    /// <summary>What the orchestrators log through their replay-safe loggers.</summary>
    internal RecordingLoggerFactory Logs { get; } = new(category => category == LinxOrchestration.Name);

    public DurableTaskClient Client => (_host ?? throw new InvalidOperationException("The host has not started.")).Client;

    public async Task InitializeAsync()
    {
        // The host listens on a port of its options; another process may take it between our pick and the bind.
        for (var attempt = 1; _host is null; attempt++)
        {
            var options = new DurableTaskTestHostOptions
            {
                Port = Ports.Free(),
                LoggerFactory = Logs,
                ConfigureServices = services => services.AddSingleton(Converter),
            };
            try
            {
                _host = await DurableTaskTestHost.StartAsync(Register, options);
            }
            catch (IOException) when (attempt < StartAttempts)
            {
                // Address in use: try again on a fresh port.
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public async Task<string> StartAsync(LinxOrchestrationInput input) =>
        await Client.ScheduleNewOrchestrationInstanceAsync(LinxOrchestration.Name, input, new StartOrchestrationOptions(input.WorkflowId.ToString("D")));

    public Task RaiseAsync(string instanceId, WorkflowEvent e) => Client.RaiseEventAsync(instanceId, WorkflowEvent.EventName, e);

    /// <summary>Polls the instance (with inputs, outputs and custom status) until <paramref name="done"/>.</summary>
    public Task<OrchestrationMetadata> UntilAsync(string instanceId, Func<OrchestrationMetadata, bool> done, string what, TimeSpan? timeout = null) =>
        Poll.UntilAsync(() => Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true), done, timeout ?? DefaultTimeout, what);

    /// <summary>
    /// Polls until the instance has ended. WaitForInstanceCompletionAsync is not used: against this host it answers
    /// about 2 s after the instance completed.
    /// </summary>
    public Task<OrchestrationMetadata> CompletedAsync(string instanceId, TimeSpan? timeout = null) =>
        UntilAsync(instanceId, m => m.IsCompleted, $"instance {instanceId} to complete", timeout);

    /// <summary>Polls until the workflow waits at step <paramref name="step"/> (its custom status says ACTIVE there).</summary>
    public Task<OrchestrationMetadata> WaitingAtAsync(string instanceId, int step) =>
        UntilAsync(
            instanceId,
            m => m.SerializedCustomStatus is not null && m.ReadCustomStatusAs<LinxCustomStatus>() is { Status: WorkflowStatus.Active } s && s.CurrentStep == step,
            $"instance {instanceId} to wait at step {step}");

    private void Register(DurableTaskRegistry registry)
    {
        registry.AddOrchestratorFunc<LinxOrchestrationInput, WorkflowResult>(LinxOrchestration.Name, LinxOrchestration.RunAsync);
        registry.AddOrchestratorFunc<WebhookDispatchInput, string>(WebhookDispatchOrchestration.Name, WebhookDispatchOrchestration.RunAsync);
        Activities.Register(registry);
        Probe.Register(registry);
    }
}
