using System.Collections.Concurrent;
using LinX.Core.Notifications;

namespace LinX.Functions.Tests;

/// <summary>An SMS sent by the host under test.</summary>
public sealed record SentSms(string To, string Message, string MessageId);

/// <summary>An <see cref="ISmsSender"/> that keeps what it is asked to send, and accepts it.</summary>
public sealed class RecordingSmsSender : ISmsSender
{
    private readonly ConcurrentQueue<SentSms> _sent = new();

    public IReadOnlyList<SentSms> Sent => [.. _sent];

    public Task<SmsSendResult> SendAsync(string toE164, string message, CancellationToken cancellationToken)
    {
        var sms = new SentSms(toE164, message, "sms-" + Guid.NewGuid().ToString("N"));
        _sent.Enqueue(sms);
        return Task.FromResult(new SmsSendResult(true, sms.MessageId, null));
    }
}
