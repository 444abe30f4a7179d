using System.Collections.Concurrent;
using System.Diagnostics;

namespace LinX.Bench.Harness;

/// <summary>
/// Counts every Azure SDK HTTP request of this process per operation (method and table or queue), from the SDK's
/// own <c>Azure.Core</c> diagnostic events, so that requests of clients the harness did not build (the durable
/// runtime's) can be broken down too. The totals come from the pipeline policies; this explains them.
/// </summary>
public sealed class AzureRequestListener : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentDictionary<string, long> _byOperation = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    public AzureRequestListener()
    {
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>A snapshot of the counts per operation.</summary>
    public IReadOnlyDictionary<string, long> ByOperation() => new Dictionary<string, long>(_byOperation, StringComparer.Ordinal);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Azure.Core")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, (name, _, _) => name.StartsWith("Azure.Core.Http.Request", StringComparison.Ordinal)));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == "Azure.Core.Http.Request.Start" && Activity.Current is { } activity)
        {
            var method = activity.GetTagItem("http.method") as string ?? activity.GetTagItem("http.request.method") as string ?? "?";
            var url = activity.GetTagItem("http.url") as string ?? activity.GetTagItem("url.full") as string ?? string.Empty;
            var key = $"{method} {Resource(url)}";
            _byOperation.AddOrUpdate(key, 1, (_, n) => n + 1);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }

    private static string Resource(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "?";
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/');
        var resource = segments.Length > 1 ? segments[1] : segments[0];
        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            resource = resource[..paren] + (resource.Length > paren + 2 ? "(key)" : "()");
        }

        return segments.Length > 2 ? resource + "/" + segments[2] : resource;
    }
}
