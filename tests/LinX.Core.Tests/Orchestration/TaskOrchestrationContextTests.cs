using LinX.Testing;
using Microsoft.DurableTask;

namespace LinX.Core.Tests.Orchestration;

/// <summary>
/// Contract tests of the Durable Task SDK's <see cref="TaskOrchestrationContext"/> on its in-memory engine: the
/// behaviour LinX's orchestrators rely on, kept here so that an SDK upgrade or downgrade that changes it fails.
/// </summary>
public sealed class TaskOrchestrationContextTests(ReplayHost host) : IClassFixture<ReplayHost>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WaitForExternalEvent_AfterATimerWonAndTheWaitWasCancelled_AnEventRaisedWhileBusyReachesTheNextWait()
    {
        // Arrange: the probe's first race is won by its timer; it then waits again.
        var key = Guid.NewGuid().ToString("N");
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(SdkEventProbe.Name, key);
        await host.UntilAsync(id, m => m.ReadCustomStatusAs<string>() == SdkEventProbe.Waiting, "the probe to wait again");

        // Act: the first event is taken by the live wait; the second arrives while the probe is in its activity,
        // when the only waiter left on the SDK's stack is the cancelled one of the first race.
        await host.Client.RaiseEventAsync(id, SdkEventProbe.EventName, "first");
        await Poll.UntilAsync(() => Task.FromResult(host.Probe.IsHeld(key)), Timeout, "the probe's activity to start");
        await host.Client.RaiseEventAsync(id, SdkEventProbe.EventName, "second");
        host.Probe.Release(key);
        var done = await host.CompletedAsync(id);

        // Assert
        Assert.Equal("first,second", done.ReadOutputAs<string>());
    }
}
