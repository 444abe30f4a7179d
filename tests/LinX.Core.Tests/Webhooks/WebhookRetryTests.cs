using LinX.Core.Webhooks;

namespace LinX.Core.Tests.Webhooks;

public sealed class WebhookRetryTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Max = TimeSpan.FromHours(2);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(5, 480)]
    [InlineData(20, 7200)]
    public void Delay_Attempt_IsExponentialWithJitterBetweenHalfAndFull(int attempt, int fullSeconds)
    {
        for (var i = 0; i < 50; i++)
        {
            var delay = WebhookRetry.Delay(attempt, First, Max, Guid.NewGuid(), null);

            Assert.InRange(delay.TotalSeconds, fullSeconds / 2.0, fullSeconds);
        }
    }

    [Fact]
    public void Delay_SameJitterSource_IsTheSame()
    {
        var source = Guid.NewGuid();

        Assert.Equal(WebhookRetry.Delay(3, First, Max, source, null), WebhookRetry.Delay(3, First, Max, source, null));
    }

    [Fact]
    public void Delay_LongerRetryAfter_IsHonouredUpToTheMaximum()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), WebhookRetry.Delay(1, First, Max, Guid.NewGuid(), TimeSpan.FromMinutes(10)));
        Assert.Equal(Max, WebhookRetry.Delay(1, First, Max, Guid.NewGuid(), TimeSpan.FromDays(2)));
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(429, true)]
    [InlineData(408, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    [InlineData(410, false)]
    [InlineData(301, false)]
    public void IsTransient_StatusCode_RetriesOnlyTimeouts5xxAnd429(int status, bool transient)
    {
        Assert.Equal(transient, WebhookRetry.IsTransient(new WebhookSendResult(status, TimeSpan.Zero, null, null)));
    }

    [Theory]
    [InlineData(WebhookErrors.Timeout, true)]
    [InlineData(WebhookErrors.Network, true)]
    [InlineData(WebhookErrors.BlockedAddress, false)]
    public void IsTransient_NoResponse_RetriesExceptBlockedAddresses(string error, bool transient)
    {
        Assert.Equal(transient, WebhookRetry.IsTransient(new WebhookSendResult(null, TimeSpan.Zero, null, error)));
    }
}
