namespace LinX.Core.Webhooks;

/// <summary>What came back from one POST to a receiver.</summary>
/// <param name="StatusCode">The HTTP status, or null when no response arrived.</param>
/// <param name="Latency">Time until the response headers (or the failure).</param>
/// <param name="RetryAfter">The receiver's <c>Retry-After</c>, when it sent one.</param>
/// <param name="Error">Why no usable response arrived: <c>TIMEOUT</c>, <c>NETWORK</c>, <c>BLOCKED_ADDRESS</c>.</param>
public sealed record WebhookSendResult(int? StatusCode, TimeSpan Latency, TimeSpan? RetryAfter, string? Error);

/// <summary>Outbound HTTP for webhooks: time- and size-limited, no redirects, guarded against SSRF.</summary>
public interface IWebhookSender
{
    Task<WebhookSendResult> SendAsync(Uri url, string body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken);
}
