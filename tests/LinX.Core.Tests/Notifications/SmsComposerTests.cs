using LinX.Core.Notifications;
using Microsoft.Extensions.Options;

namespace LinX.Core.Tests.Notifications;

public sealed class SmsComposerTests
{
    private static readonly DateTimeOffset ExpireAt = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly SmsComposer _composer = new(Options.Create(new LinXOptions { PublicBaseUrl = "https://linx.example.com/" }));

    [Fact]
    public void Compose_Initial_HasBusinessIntroLinkAndExpiry()
    {
        var link = _composer.Link(new string('A', 43));

        var text = SmsComposer.Compose(NotificationOrigin.Initial, "Acme", "You have a rebate", "t", link, ExpireAt);

        Assert.Equal($"Acme: You have a rebate Open https://linx.example.com/linx/{new string('A', 43)} (expires Mar 3, 12:00 UTC)", text);
        Assert.Equal(1, SmsText.Segments(text));
    }

    [Fact]
    public void Compose_LongIntro_IsShortenedToTwoSegmentsKeepingLink()
    {
        var link = _composer.Link(new string('B', 43));

        var text = SmsComposer.Compose(NotificationOrigin.Reminder, new string('N', 80), new string('x', 400), "t", link, ExpireAt);

        Assert.Equal(2, SmsText.Segments(text));
        Assert.Contains(link, text, StringComparison.Ordinal);
        Assert.StartsWith("Reminder from NNN", text, StringComparison.Ordinal);
        Assert.Contains("...", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_UnicodeIntro_FitsTwoUcs2Segments()
    {
        var link = _composer.Link(new string('C', 43));

        var text = SmsComposer.Compose(NotificationOrigin.Initial, "Café", new string('é', 50) + " 🎉 " + new string('x', 100), "t", link, ExpireAt);

        Assert.True(SmsText.Segments(text) <= 2);
        Assert.Contains(link, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Expiry_NamesTitleAndHasNoLink()
    {
        var text = SmsComposer.Compose(NotificationOrigin.Expiry, "Acme", "intro", "Add a card", "https://x/linx/t", ExpireAt);

        Assert.Equal("Acme: your request \"Add a card\" has expired. No action is needed.", text);
    }

    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Segments_Gsm7_Boundaries(int length, int segments) => Assert.Equal(segments, SmsText.Segments(new string('a', length)));
}
