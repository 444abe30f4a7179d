using LinX.Core.Businesses;
using LinX.Core.Notifications;
using Microsoft.Extensions.Options;

namespace LinX.Core.Tests.Notifications;

public sealed class SmsComposerTests
{
    private static readonly DateTimeOffset Winter = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Summer = new(2026, 7, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly SmsComposer _composer = new(Options.Create(new LinXOptions { PublicBaseUrl = "https://linx.example.com/" }));

    [Fact]
    public void Compose_InitialWithoutProfile_EnglishWithUtcAndOptOut()
    {
        var link = _composer.Link(new string('A', 43));

        var text = SmsComposer.Compose(NotificationOrigin.Initial, Plain("Acme"), "You have a rebate", null, link, Winter);

        Assert.Equal($"Acme: You have a rebate. {link} Expires Mar 3, 12:00 PM UTC. Reply STOP to opt out.", text);
        Assert.Equal(1, SmsText.Segments(text));
    }

    [Fact]
    public void Compose_FrenchInTorontoWinter_LocalTimeCityAndFrenchOptOut()
    {
        var link = _composer.Link(new string('A', 43));

        var text = SmsComposer.Compose(NotificationOrigin.Initial, Profiled("Acme Rabais", "America/Toronto", "en"), null, "fr-CA", link, Winter);

        Assert.Equal($"Acme Rabais : Une demande vous attend. {link} Expire le 3 mars à 7 h 00, heure de Toronto. Répondez STOP pour vous désabonner.", text);
        Assert.True(SmsText.IsGsm7(text));
    }

    [Fact]
    public void Compose_TorontoSummer_DaylightSavingTimeApplied()
    {
        var text = SmsComposer.Compose(NotificationOrigin.Reminder, Profiled("Acme", "America/Toronto", "en"), "Your rebate is waiting!", "en", "https://x/linx/t", Summer);

        Assert.Equal("Reminder from Acme: Your rebate is waiting! https://x/linx/t Expires Jul 3, 8:00 AM Toronto time. Reply STOP to opt out.", text);
    }

    [Fact]
    public void Compose_FrenchReminder_UsesDisplayNameNotLegalName()
    {
        var text = SmsComposer.Compose(NotificationOrigin.Reminder, Profiled("Café Zoë", "America/Montreal", "fr-CA"), null, "fr-CA", "https://x/linx/t", Summer);

        Assert.StartsWith("Rappel de Café Zoe : Une demande vous attend.", text, StringComparison.Ordinal);
        Assert.True(SmsText.IsGsm7(text));
        Assert.Contains("Expire le 3 juillet à 8 h 00, heure de Montreal.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ZoneWithoutCity_ShowsItsOffset()
    {
        var text = SmsComposer.Compose(NotificationOrigin.Initial, Profiled("Acme", "Etc/GMT+5", "en"), null, null, "https://x/linx/t", Winter);

        Assert.Contains("Expires Mar 3, 7:00 AM (UTC-05:00).", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr-CA")]
    public void Compose_LongIntro_IsShortenedToTwoSegmentsKeepingLinkAndOptOut(string locale)
    {
        var link = _composer.Link(new string('B', 43));

        var text = SmsComposer.Compose(NotificationOrigin.Reminder, Plain(new string('N', 80)), new string('x', 400), locale, link, Winter);

        Assert.Equal(2, SmsText.Segments(text));
        Assert.Contains(link, text, StringComparison.Ordinal);
        Assert.Contains("...", text, StringComparison.Ordinal);
        Assert.EndsWith(locale == "en" ? "Reply STOP to opt out." : "Répondez STOP pour vous désabonner.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_UnicodeIntro_FitsTwoUcs2Segments()
    {
        var link = _composer.Link(new string('C', 43));

        var text = SmsComposer.Compose(NotificationOrigin.Initial, Plain("Café"), new string('é', 50) + " 🎉 " + new string('x', 100), null, link, Winter);

        Assert.True(SmsText.Segments(text) <= 2);
        Assert.Contains(link, text, StringComparison.Ordinal);
        Assert.EndsWith("Reply STOP to opt out.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Acme: Your request has expired; no action is needed. Reply STOP to opt out.")]
    [InlineData("fr-CA", "Acme : Votre demande a expiré; aucune action n'est requise. Répondez STOP pour vous désabonner.")]
    public void Compose_Expiry_NoLinkNoTitle(string? locale, string expected)
    {
        var text = SmsComposer.Compose(NotificationOrigin.Expiry, Plain("Acme"), "intro", locale, "https://x/linx/t", Winter);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Compose_August_MonthFoldedToGsm7()
    {
        var text = SmsComposer.Compose(NotificationOrigin.Initial, Plain("Acme"), "Bonjour", "fr-CA", "https://x/linx/t", Summer.AddMonths(1));

        Assert.Contains("Expire le 3 aout à 12 h 00, heure UTC.", text, StringComparison.Ordinal);
        Assert.True(SmsText.IsGsm7(text));
    }

    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Segments_Gsm7_Boundaries(int length, int segments) => Assert.Equal(segments, SmsText.Segments(new string('a', length)));

    private static Business Plain(string name) => new(Guid.NewGuid(), name, Winter);

    private static Business Profiled(string displayName, string timeZone, string defaultLocale) => Plain("Legal Name Inc.") with
    {
        Profile = new BusinessProfile(displayName, "help@example.com", null, null, null, null, timeZone, defaultLocale),
    };
}
