using LinX.Core.Notifications;
using LinX.Infrastructure.Sms;
using Microsoft.Extensions.Time.Testing;

namespace LinX.Infrastructure.Tests.Sms;

/// <summary>The dev inbox is repeatable as ACS is, so local runs and the crash suite see duplicates absorbed.</summary>
public sealed class DevSmsInboxTests
{
    private const string Phone = "+16471234567";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task SendAsync_RepeatOfARequestId_AnswersTheFirstResultAndSendsNothing()
    {
        var inbox = new DevSmsInbox(_time);
        var idempotency = new SmsIdempotency(Guid.NewGuid(), _time.GetUtcNow());

        var first = await inbox.SendAsync(Phone, "Hello", idempotency, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(4));
        var repeat = await inbox.SendAsync(Phone, "Hello", idempotency, CancellationToken.None);
        var other = await inbox.SendAsync(Phone, "Hello", idempotency with { RequestId = Guid.NewGuid() }, CancellationToken.None);

        Assert.Equal(first, repeat);
        Assert.NotEqual(first.MessageId, other.MessageId);
        Assert.Equal((2, 2L, 1L), (inbox.Messages.Count, inbox.TotalSent, inbox.RepeatsAbsorbed));
    }

    [Fact]
    public async Task SendAsync_FirstAttemptOlderThanTheWindow_IsRefusedAndNothingIsSent()
    {
        var inbox = new DevSmsInbox(_time);
        var idempotency = new SmsIdempotency(Guid.NewGuid(), _time.GetUtcNow() - SmsIdempotency.RepeatabilityWindow - TimeSpan.FromSeconds(1));

        var result = await inbox.SendAsync(Phone, "Hello", idempotency, CancellationToken.None);

        Assert.False(result.Successful);
        Assert.Contains(idempotency.RequestId.ToString(), result.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(inbox.Messages);
    }

    [Fact]
    public async Task SendAsync_RepeatAfterMoreSmsThanTheInboxShows_IsStillAbsorbed()
    {
        var inbox = new DevSmsInbox(_time);
        var idempotency = new SmsIdempotency(Guid.NewGuid(), _time.GetUtcNow());
        var first = await inbox.SendAsync(Phone, "First", idempotency, CancellationToken.None);
        for (var i = 0; i < 600; i++)
        {
            await inbox.SendAsync(Phone, "Other", new SmsIdempotency(Guid.NewGuid(), _time.GetUtcNow()), CancellationToken.None);
        }

        var repeat = await inbox.SendAsync(Phone, "First", idempotency, CancellationToken.None);

        Assert.Equal(first, repeat);
        Assert.Equal(601, inbox.TotalSent);
        Assert.DoesNotContain(inbox.Messages, m => m.MessageId == first.MessageId); // shown no more, still remembered
    }
}
