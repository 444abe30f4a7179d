using LinX.Core.Consent;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Consent;

public sealed class ConsentTextTests
{
    private static readonly MoveMoneyStep AchDebit = new(
        TransactionType.Request, PaymentSolution.Ach, Guid.NewGuid(), "CAD", 1234.5m, PaymentPriority.SameDay, null, null, "other");

    private static ConsentContext Context(string locale, string? contact = "help@example.com") =>
        new("Maple Credit", contact, "6789", FinancialAccountSubType.Saving, new DateOnly(2026, 12, 2), locale);

    [Fact]
    public void For_AchDebitInEnglish_NamesAmountDateAccountBusinessAndHowToRevoke()
    {
        // Act
        var consent = ConsentText.For(AchDebit, Context("en"));

        // Assert
        Assert.Equal(ConsentKind.AchDebitAuthorization, consent.Kind);
        Assert.Equal(
            "I authorize Maple Credit to make a one-time ACH debit of 1,234.50 CAD from my savings account ending in 6789 on or after December 2, 2026. "
            + "This authorization is for this payment only. I can revoke it by contacting Maple Credit at help@example.com in time for Maple Credit "
            + "to act on it before the debit is made. If the debit is returned, Maple Credit may contact me. "
            + "I agree that accepting this authorization electronically is the same as signing it.",
            consent.Text);
    }

    [Fact]
    public void For_AchDebitInFrench_IsFrenchWithFrenchNumbersAndDate()
    {
        // Act
        var consent = ConsentText.For(AchDebit, Context("fr-CA"));

        // Assert
        Assert.Equal("fr-CA", consent.Locale);
        Assert.StartsWith("J'autorise Maple Credit à effectuer un prélèvement ACH unique de 1\u00a0234,50 CAD sur mon compte d'épargne se terminant par 6789 le 2 décembre 2026", consent.Text, StringComparison.Ordinal);
        Assert.Contains("(help@example.com)", consent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_NoSupportContactOrAccount_StillReadsWell()
    {
        // Act
        var consent = ConsentText.For(AchDebit, Context("en", contact: null) with { AccountLast4 = null });

        // Assert
        Assert.Contains("from my account on or after", consent.Text, StringComparison.Ordinal);
        Assert.Contains("by contacting Maple Credit in time", consent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_SameWordsTwice_HaveTheSameHashAndAnotherLocaleAnother()
    {
        // Act
        var first = ConsentText.For(AchDebit, Context("en"));
        var again = ConsentText.For(AchDebit, Context("en"));
        var french = ConsentText.For(AchDebit, Context("fr-CA"));

        // Assert
        Assert.Equal(first.Sha256, again.Sha256);
        Assert.NotEqual(first.Sha256, french.Sha256);
    }

    [Fact]
    public void For_CardPayout_IsOneLineOfTerms()
    {
        // Arrange
        var payout = AchDebit with { TransactionType = TransactionType.Send, Solution = PaymentSolution.PushToCard, Amount = 20m };

        // Act
        var consent = ConsentText.For(payout, Context("en") with { AccountSubType = FinancialAccountSubType.Debit, AccountLast4 = "1111" });

        // Assert
        Assert.Equal(ConsentKind.PayoutTerms, consent.Kind);
        Assert.Equal(
            "I accept that Maple Credit sends 20.00 CAD to my card ending in 1111 as an instant payout, which usually arrives within minutes and cannot be recalled once sent.",
            consent.Text);
    }

    [Theory]
    [InlineData("en", "on or after December 24, 2026")]
    [InlineData("fr-CA", "le 24 décembre 2026")]
    public void For_ScheduledAchDebit_AuthorizesFromTheStartDay(string locale, string expected)
    {
        // 24 December 09:00 in New York is the 24th there, whatever the reader's zone.
        var scheduled = AchDebit with { Priority = PaymentPriority.Scheduled, StartDateTime = new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.FromHours(-5)) };

        var consent = ConsentText.For(scheduled, Context(locale));

        Assert.Contains(expected, consent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_ScheduledAchDebitWhoseStartHasPassed_AuthorizesFromToday()
    {
        var late = AchDebit with { Priority = PaymentPriority.Scheduled, StartDateTime = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(-5)) };

        Assert.Contains("on or after December 2, 2026", ConsentText.For(late, Context("en")).Text, StringComparison.Ordinal);
    }
}
