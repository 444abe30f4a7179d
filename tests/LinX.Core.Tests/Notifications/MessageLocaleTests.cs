using LinX.Core.Businesses;
using LinX.Core.Notifications;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Notifications;

public sealed class MessageLocaleTests
{
    private static readonly WorkflowPlan Plan = new("t", TimeSpan.FromDays(1), false, null, []);

    [Theory]
    [InlineData("fr-CA", "en", "fr-CA")]
    [InlineData(null, "fr-CA", "fr-CA")]
    [InlineData("en", "fr-CA", "en")]
    public void Resolve_RequestBeforeBusinessDefault(string? requested, string businessDefault, string expected)
    {
        var business = new Business(Guid.NewGuid(), "Acme", DateTimeOffset.UnixEpoch)
        {
            Profile = new BusinessProfile("Acme", "help@example.com", null, null, null, null, "UTC", businessDefault),
        };

        Assert.Equal(expected, MessageLocale.Resolve(Plan with { Locale = requested }, business));
    }

    [Fact]
    public void Resolve_NeitherGiven_Null() =>
        Assert.Null(MessageLocale.Resolve(Plan, new Business(Guid.NewGuid(), "Acme", DateTimeOffset.UnixEpoch)));

    [Fact]
    public void TimeZone_NoProfile_Utc() =>
        Assert.Equal(TimeZoneInfo.Utc, MessageLocale.TimeZone(new Business(Guid.NewGuid(), "Acme", DateTimeOffset.UnixEpoch)));
}
