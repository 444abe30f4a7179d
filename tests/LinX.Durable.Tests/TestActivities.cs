using LinX.Core.Orchestration;

namespace LinX.Durable.Tests;

/// <summary>Returns its input with a suffix and counts its calls.</summary>
public sealed class EchoActivity(Probe probe) : IActivity<string, string>
{
    public const string Name = "Echo";

    public Task<string> RunAsync(string input, CancellationToken cancellationToken)
    {
        probe.Call(input);
        return Task.FromResult(input + "!");
    }
}

/// <summary>Fails its first <see cref="FlakyInput.Failures"/> calls per key, then returns the attempt number.</summary>
public sealed class FlakyActivity(Probe probe) : IActivity<FlakyInput, int>
{
    public const string Name = "Flaky";

    public Task<int> RunAsync(FlakyInput input, CancellationToken cancellationToken)
    {
        var attempt = probe.Call(input.Key);
        return attempt <= input.Failures
            ? throw new InvalidOperationException($"Attempt {attempt} failed on purpose.")
            : Task.FromResult(attempt);
    }
}

public sealed record FlakyInput(string Key, int Failures);

/// <summary>An idempotent side effect: recorded once per key however often it runs; slow enough to be interrupted.</summary>
public sealed class EffectActivity(Probe probe) : IActivity<EffectInput, int>
{
    public const string Name = "Effect";

    public async Task<int> RunAsync(EffectInput input, CancellationToken cancellationToken)
    {
        var key = input.InstanceId + ":" + input.Step;
        probe.Call(key);
        await Task.Delay(input.DelayMilliseconds, cancellationToken);
        probe.Effects.TryAdd(key, input.Step);
        return input.Step;
    }
}

public sealed record EffectInput(string InstanceId, int Step, int DelayMilliseconds = 0);

/// <summary>Counts its calls and how many run at once, and holds until the probe's gate opens.</summary>
public sealed class GatedActivity(Probe probe) : IActivity<string, string>
{
    public const string Name = "Gated";

    public async Task<string> RunAsync(string input, CancellationToken cancellationToken)
    {
        probe.Call(input);
        probe.Enter();
        try
        {
            await probe.Gate.Task.WaitAsync(cancellationToken);
            return input;
        }
        finally
        {
            probe.Leave();
        }
    }
}
