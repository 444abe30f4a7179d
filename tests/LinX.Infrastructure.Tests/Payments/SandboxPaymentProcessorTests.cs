using LinX.Core.Payments;
using LinX.Core.Workflows;
using LinX.Infrastructure.Payments;
using Microsoft.Extensions.Time.Testing;

namespace LinX.Infrastructure.Tests.Payments;

/// <summary>The sandbox's documented test values (docs/sandbox.md): verification at tokenization, declines by token and amount.</summary>
public sealed class SandboxPaymentProcessorTests
{
    private readonly SandboxPaymentProcessor _sandbox = new(TimeProvider.System);

    [Theory]
    [InlineData("4242424242424242", "123", "12345", CardVerification.Ok)]
    [InlineData("4242424242424242", "000", "12345", CardVerification.CvcMismatch)]
    [InlineData("4242424242424242", "123", "00000", CardVerification.PostalCodeMismatch)]
    [InlineData("4242424242424242", "123", "X0X 0X0", CardVerification.PostalCodeMismatch)]
    [InlineData("4242424242424242", "000", "00000", CardVerification.CvcMismatch)]
    public async Task TokenizeCardAsync_TestValues_VerifyAsDocumented(string number, string cvc, string postalCode, CardVerification expected)
    {
        var answer = await _sandbox.TokenizeCardAsync(new CardDetails(number, 2030, 12, "Jane Roe", cvc, postalCode), CancellationToken.None);

        Assert.Equal(expected, answer.Verification);
        Assert.Equal(expected == CardVerification.Ok, answer.Token is not null);
    }

    [Theory]
    [InlineData(SandboxTestValues.DeclinedCard, PaymentDeclineCodes.CardDeclined)]
    [InlineData(SandboxTestValues.InsufficientFundsCard, PaymentDeclineCodes.InsufficientFunds)]
    [InlineData(SandboxTestValues.NotEligibleCard, PaymentDeclineCodes.CardNotEligible)]
    public async Task SubmitAsync_TestCard_DeclinesWithItsRecoverableCode(string number, string code)
    {
        var token = (await _sandbox.TokenizeCardAsync(new CardDetails(number, 2030, 12, "Jane Roe", "123", "12345"), CancellationToken.None)).Token!;

        var outcome = await _sandbox.SubmitAsync(Payment(token, 25.00m), CancellationToken.None);

        Assert.Equal((TransactionStatus.Declined, code), (outcome.Status, outcome.ReasonCode));
        Assert.False(string.IsNullOrWhiteSpace(outcome.Reason));
        Assert.True(PaymentDeclineCodes.IsRecoverable(outcome.ReasonCode));
        Assert.DoesNotContain(number, token, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SandboxTestValues.InvalidAccount, PaymentDeclineCodes.AccountInvalid)]
    [InlineData(SandboxTestValues.ClosedAccount, PaymentDeclineCodes.AccountClosed)]
    [InlineData(SandboxTestValues.InsufficientFundsAccount, PaymentDeclineCodes.InsufficientFunds)]
    public async Task SubmitAsync_TestBankAccount_DeclinesWithItsCode(string accountNumber, string code)
    {
        var token = await _sandbox.TokenizeBankAccountAsync(new BankAccountDetails("011000015", accountNumber, "Jane Roe"), CancellationToken.None);

        var outcome = await _sandbox.SubmitAsync(Payment(token, 25.00m, PaymentSolution.Ach), CancellationToken.None);

        Assert.Equal((TransactionStatus.Declined, code), (outcome.Status, outcome.ReasonCode));
        Assert.DoesNotContain(accountNumber, token, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAsync_AmountEndingIn13_IsDeclinedUnrecoverablyForAGoodCard()
    {
        var token = (await _sandbox.TokenizeCardAsync(new CardDetails("4242424242424242", 2030, 12, "Jane Roe", "123", "12345"), CancellationToken.None)).Token!;

        var declined = await _sandbox.SubmitAsync(Payment(token, 10.13m), CancellationToken.None);
        var paid = await _sandbox.SubmitAsync(Payment(token, 10.14m), CancellationToken.None);

        Assert.Equal((TransactionStatus.Declined, PaymentDeclineCodes.PaymentDeclined), (declined.Status, declined.ReasonCode));
        Assert.False(PaymentDeclineCodes.IsRecoverable(declined.ReasonCode));
        Assert.Equal((TransactionStatus.Settled, (string?)null), (paid.Status, paid.ReasonCode));
    }

    [Fact]
    public void CardDetails_ToString_ShowsNeitherNumberNorCvcNorPostalCode()
    {
        var text = new CardDetails("4000000000009995", 2030, 12, "Jane Roe", "739", "ZQ4X7W9").ToString();

        Assert.DoesNotContain("4000000000009995", text, StringComparison.Ordinal);
        Assert.DoesNotContain("739", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ZQ4X7W9", text, StringComparison.Ordinal);
        Assert.Contains("9995", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PaymentSolution.Ach)]
    [InlineData(PaymentSolution.Wire)]
    public async Task SubmitAsync_ScheduledAcceptedBeforeItsStart_PendingUntilADayAfterTheStart(PaymentSolution solution)
    {
        // Arrange: accepted on 2 December for 24 December, 09:00 in New York.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        var start = new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.FromHours(-5));
        var sandbox = new SandboxPaymentProcessor(clock);

        // Act
        var outcome = await sandbox.SubmitAsync(Scheduled(solution, start), CancellationToken.None);

        // Assert: PENDING, and settled as NEXT_DAY from the start time, not from the acceptance.
        Assert.Equal((TransactionStatus.Pending, (DateTimeOffset?)start.AddDays(1)), (outcome.Status, outcome.SettleAt));
    }

    [Fact]
    public async Task SubmitAsync_ScheduledAcceptedAfterItsStart_RunsAtOnceAsNextDay()
    {
        // Arrange: the start (24 December) has passed when the customer accepts (26 December).
        var start = new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.FromHours(-5));
        var accepted = new DateTimeOffset(2026, 12, 26, 15, 30, 0, TimeSpan.Zero);
        var sandbox = new SandboxPaymentProcessor(new FakeTimeProvider(accepted));

        // Act
        var outcome = await sandbox.SubmitAsync(Scheduled(PaymentSolution.Ach, start), CancellationToken.None);

        // Assert
        Assert.Equal((TransactionStatus.Pending, (DateTimeOffset?)accepted.AddDays(1)), (outcome.Status, outcome.SettleAt));
    }

    [Fact]
    public async Task SubmitAsync_NextDay_SettlesADayAfterTheSubmission()
    {
        var now = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        var sandbox = new SandboxPaymentProcessor(new FakeTimeProvider(now));

        var outcome = await sandbox.SubmitAsync(
            new PaymentRequest("key-next", TransactionType.Send, PaymentSolution.Ach, PaymentPriority.NextDay, 25m, "USD", "tok_pay_c", "tok_pay_b"), CancellationToken.None);

        Assert.Equal((TransactionStatus.Pending, (DateTimeOffset?)now.AddDays(1)), (outcome.Status, outcome.SettleAt));
    }

    private static PaymentRequest Scheduled(PaymentSolution solution, DateTimeOffset start) =>
        new("key-" + Guid.NewGuid().ToString("N"), TransactionType.Send, solution, PaymentPriority.Scheduled, 25.00m, "USD", "tok_pay_customer", "tok_pay_business")
        {
            StartDateTime = start,
        };

    private static PaymentRequest Payment(string token, decimal amount, PaymentSolution solution = PaymentSolution.PushToCard) =>
        new("key-" + Guid.NewGuid().ToString("N"), TransactionType.Send, solution, PaymentPriority.SameDay, amount, "USD", token, "tok_pay_business");
}
