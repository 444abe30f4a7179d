namespace LinX.Testing;

/// <summary>Waits for a condition by polling with a deadline: tests never sleep to synchronise.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}.");
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> read, Func<T, bool> done, TimeSpan timeout, string what)
    {
        T? last = default;
        await UntilAsync(
            async () =>
            {
                last = await read();
                return last is not null && done(last);
            },
            timeout,
            what);
        return last!;
    }
}
