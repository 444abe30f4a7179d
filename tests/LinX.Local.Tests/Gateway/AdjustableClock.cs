namespace LinX.Local.Tests.Gateway;

/// <summary>
/// The host's clock in the Gateway browser tests: real time plus an offset the test can move forward. Time keeps
/// flowing (the durable runtime, the passcode cookie and the SMS inbox behave as in production); only the expiry
/// test moves it, to reach a link's expiry without waiting an hour (the shortest expiry a business may ask for).
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
