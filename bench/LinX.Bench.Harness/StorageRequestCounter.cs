using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace LinX.Bench.Harness;

/// <summary>
/// Counts the storage requests sent through the clients it is attached to (per try, so retries count), in
/// total and per operation (<c>GET Workflows</c>, <c>POST $batch</c>...), so that a cost can be explained.
/// </summary>
public sealed class StorageRequestCounter
{
    private readonly ConcurrentDictionary<string, long> _byOperation = new(StringComparer.Ordinal);
    private long _requests;

    /// <summary>Requests sent since this counter was made.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>The policy to add to a client's options at <see cref="HttpPipelinePosition.PerRetry"/>.</summary>
    public HttpPipelinePolicy Policy => new CountingPolicy(this);

    /// <summary>A snapshot of the counts per operation.</summary>
    public IReadOnlyDictionary<string, long> ByOperation() => new Dictionary<string, long>(_byOperation, StringComparer.Ordinal);

    /// <summary>Per-operation differences between two snapshots, largest first.</summary>
    public static IReadOnlyList<(string Operation, long Count)> Delta(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        [.. after.Select(kv => (kv.Key, kv.Value - before.GetValueOrDefault(kv.Key))).Where(x => x.Item2 > 0).OrderByDescending(x => x.Item2)];

    private static string Operation(HttpMessage message)
    {
        // The first path segment after the account: the table (prefix removed by the reader) or the queue.
        var path = message.Request.Uri.Path.Trim('/');
        var segments = path.Split('/');
        var resource = segments.Length > 1 ? segments[1] : path;
        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            resource = resource[..paren] + (resource.Length > paren + 2 ? "(key)" : "()");
        }

        return $"{message.Request.Method} {resource}";
    }

    private sealed class CountingPolicy(StorageRequestCounter counter) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            Interlocked.Increment(ref counter._requests);
            counter._byOperation.AddOrUpdate(Operation(message), 1, (_, n) => n + 1);
        }
    }
}
