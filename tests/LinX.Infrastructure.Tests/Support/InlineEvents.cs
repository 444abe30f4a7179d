using System.Text.Json;

namespace LinX.Infrastructure.Tests.Support;

/// <summary>
/// The external events of an <see cref="InlineOrchestration"/>, as JSON, with the Durable Task SDK's semantics: names
/// are case-insensitive, each event completes one wait, and an event nobody waits for (or whose wait was cancelled)
/// is kept, in order, for the next wait on its name.
/// </summary>
internal sealed class InlineEvents(JsonSerializerOptions json)
{
    private readonly Lock _lock = new();
    private readonly List<(string Name, string Json)> _buffered = [];
    private readonly List<Waiter> _waiting = [];

    public Task<T> WaitAsync<T>(string name, CancellationToken cancellationToken)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = new Waiter(name, body => result.TrySetResult(JsonSerializer.Deserialize<T>(body, json)!));
        lock (_lock)
        {
            var index = _buffered.FindIndex(b => Matches(b.Name, name));
            if (index >= 0)
            {
                var body = _buffered[index].Json;
                _buffered.RemoveAt(index);
                return Task.FromResult(JsonSerializer.Deserialize<T>(body, json)!);
            }

            _waiting.Add(waiter);
        }

        cancellationToken.Register(() =>
        {
            lock (_lock)
            {
                _waiting.Remove(waiter);
                result.TrySetCanceled(cancellationToken);
            }
        });
        return result.Task;
    }

    public void Raise(string name, string body)
    {
        lock (_lock)
        {
            var waiter = _waiting.Find(w => Matches(w.Name, name));
            if (waiter is not null)
            {
                _waiting.Remove(waiter);
                if (waiter.Deliver(body))
                {
                    return;
                }
            }

            _buffered.Add((name, body));
        }
    }

    private static bool Matches(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private sealed record Waiter(string Name, Func<string, bool> Deliver);
}
