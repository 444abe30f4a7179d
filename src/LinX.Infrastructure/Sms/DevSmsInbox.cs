using LinX.Core.Notifications;

namespace LinX.Infrastructure.Sms;

/// <summary>One SMS captured by the dev sender, with the repeatability request id it was first sent with and its workflow (when known).</summary>
public sealed record DevSms(string MessageId, string To, string Body, DateTimeOffset SentAt, Guid RequestId, Guid? WorkflowId = null);

/// <summary>
/// Development SMS sender: keeps messages in memory for the local <c>/dev/sms</c> page. Never a table: the bodies
/// hold link tokens. Thread-safe; newest first; bounded. Repeatable as ACS is: a repeat of a request id within
/// <see cref="SmsIdempotency.RepeatabilityWindow"/> of its first attempt answers the first result and adds nothing
/// (<see cref="RepeatsAbsorbed"/> counts them), and an attempt whose first attempt is older is refused, nothing sent.
/// </summary>
public sealed class DevSmsInbox : ISmsSender
{
    private const int Capacity = 500;
    private readonly Lock _lock = new();
    private readonly LinkedList<DevSms> _messages = new();
    private readonly Dictionary<Guid, SmsSendResult> _requests = [];
    private readonly Queue<(Guid RequestId, DateTimeOffset FirstAttemptAt)> _requestsByAge = new();
    private readonly TimeProvider _time;
    private long _totalSent;
    private long _repeatsAbsorbed;

    public DevSmsInbox(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>How many messages were sent since start (the inbox keeps only the newest).</summary>
    public long TotalSent => Interlocked.Read(ref _totalSent);

    /// <summary>How many sends repeated an earlier request id and were answered without sending: duplicates avoided.</summary>
    public long RepeatsAbsorbed => Interlocked.Read(ref _repeatsAbsorbed);

    /// <summary>A snapshot of the messages, newest first.</summary>
    public IReadOnlyList<DevSms> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    public Task<SmsSendResult> SendAsync(string toE164, string message, SmsIdempotency idempotency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idempotency);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            ForgetRequestsBefore(now - SmsIdempotency.RepeatabilityWindow);
            if (now - idempotency.FirstAttemptAt > SmsIdempotency.RepeatabilityWindow)
            {
                return Task.FromResult(new SmsSendResult(
                    false, null, $"The dev inbox no longer recognises request {idempotency.RequestId} (first attempt {idempotency.FirstAttemptAt:O}) and sent nothing."));
            }

            if (_requests.TryGetValue(idempotency.RequestId, out var first))
            {
                _repeatsAbsorbed++;
                return Task.FromResult(first);
            }

            var sms = new DevSms("dev-" + Guid.NewGuid().ToString("N"), toE164, message, now, idempotency.RequestId, idempotency.WorkflowId);
            var result = new SmsSendResult(true, sms.MessageId, null);
            _requests.Add(idempotency.RequestId, result);
            _requestsByAge.Enqueue((idempotency.RequestId, idempotency.FirstAttemptAt));
            _messages.AddFirst(sms);
            _totalSent++;
            if (_messages.Count > Capacity)
            {
                _messages.RemoveLast();
            }

            return Task.FromResult(result);
        }
    }

    /// <summary>
    /// Request ids are kept for the window, not the message capacity, so a burst of SMS never lets a repeat through.
    /// In the order first sent: an id queued behind a younger one is forgotten late, never early.
    /// </summary>
    private void ForgetRequestsBefore(DateTimeOffset oldest)
    {
        while (_requestsByAge.TryPeek(out var request) && request.FirstAttemptAt < oldest)
        {
            _requestsByAge.Dequeue();
            _requests.Remove(request.RequestId);
        }
    }
}
