using Azure.Core;
using Azure.Core.Pipeline;

namespace LinX.Durable.Storage;

/// <summary>Counts the storage requests the runtime makes (tables and queues, retries included).</summary>
public sealed class DurableStorageMetrics
{
    private long _requests;

    /// <summary>Requests sent since the process started.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    internal HttpPipelinePolicy Policy => new CountingPolicy(this);

    private sealed class CountingPolicy(DurableStorageMetrics metrics) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref metrics._requests);
    }
}
