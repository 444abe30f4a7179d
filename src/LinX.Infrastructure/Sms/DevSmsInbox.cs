using LinX.Core.Notifications;

namespace LinX.Infrastructure.Sms;

/// <summary>One SMS captured by the dev sender.</summary>
public sealed record DevSms(string MessageId, string To, string Body, DateTimeOffset SentAt);

/// <summary>
/// Development SMS sender: keeps messages in memory for the local <c>/dev/sms</c> page. Never a table: the bodies
/// hold link tokens. Thread-safe; newest first; bounded.
/// </summary>
public sealed class DevSmsInbox : ISmsSender
{
    private const int Capacity = 500;
    private readonly Lock _lock = new();
    private readonly LinkedList<DevSms> _messages = new();
    private readonly TimeProvider _time;
    private long _totalSent;

    public DevSmsInbox(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>How many messages were sent since start (the inbox keeps only the newest).</summary>
    public long TotalSent => Interlocked.Read(ref _totalSent);

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

    public Task<SmsSendResult> SendAsync(string toE164, string message, CancellationToken cancellationToken)
    {
        var sms = new DevSms("dev-" + Guid.NewGuid().ToString("N"), toE164, message, _time.GetUtcNow());
        lock (_lock)
        {
            _messages.AddFirst(sms);
            _totalSent++;
            if (_messages.Count > Capacity)
            {
                _messages.RemoveLast();
            }
        }

        return Task.FromResult(new SmsSendResult(true, sms.MessageId, null));
    }
}
