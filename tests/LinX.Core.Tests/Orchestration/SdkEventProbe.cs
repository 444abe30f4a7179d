using System.Collections.Concurrent;
using Microsoft.DurableTask;

namespace LinX.Core.Tests.Orchestration;

/// <summary>
/// A minimal orchestrator with the wait pattern of <c>WorkflowRun</c>: one external event raced against a timer, the
/// loser cancelled, in a loop. It checks the SDK behaviour LinX relies on: after a timer wins (a reminder), the
/// cancelled wait must not swallow an event that arrives while the orchestrator is busy in an activity.
/// </summary>
internal sealed class SdkEventProbe
{
    public const string Name = nameof(SdkEventProbe);
    public const string EventName = "ProbeEvent";
    public const string Waiting = "waiting";
    private const string Hold = "SdkEventProbeHold";

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, bool> _held = new();

    /// <summary>True once the probe <paramref name="key"/> is busy in its activity.</summary>
    public bool IsHeld(string key) => _held.ContainsKey(key);

    /// <summary>Lets the activity of probe <paramref name="key"/> finish.</summary>
    public void Release(string key) => Gate(key).TrySetResult();

    public void Register(DurableTaskRegistry registry)
    {
        registry.AddOrchestratorFunc<string, string>(Name, RunAsync);
        registry.AddActivityFunc<string, string>(Hold, async (_, key) =>
        {
            _held[key] = true;
            await Gate(key).Task;
            return key;
        });
    }

    private static async Task<string> RunAsync(TaskOrchestrationContext context, string key)
    {
        var received = new List<string>();
        await RaceAsync(context, TimeSpan.FromMilliseconds(200)); // the timer wins, like a reminder
        context.SetCustomStatus(Waiting);
        for (var i = 0; i < 2; i++)
        {
            received.Add(await RaceAsync(context, TimeSpan.FromMinutes(1)) ?? "timer");
            if (i == 0)
            {
                await context.CallActivityAsync<string>(Hold, key);
            }
        }

        return string.Join(",", received);
    }

    private static async Task<string?> RaceAsync(TaskOrchestrationContext context, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource();
        var e = context.WaitForExternalEvent<string>(EventName, cts.Token);
        var timer = context.CreateTimer(context.CurrentUtcDateTime + timeout, cts.Token);
        var winner = await Task.WhenAny(e, timer);
        cts.Cancel(); // synchronously, on the orchestrator thread, as WorkflowRun does
        return winner == e ? await e : null;
    }

    private TaskCompletionSource Gate(string key) => _gates.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
