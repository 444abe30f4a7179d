using LinX.Core.Payments;
using LinX.Core.Security;
using LinX.Core.Workflows;

namespace LinX.Infrastructure.Payments;

/// <summary>
/// A sandbox processor, deterministic and stateless (so idempotent per key by construction):
/// <list type="bullet">
/// <item>push-to-card settles at once (SETTLED);</item>
/// <item>ach is PENDING and settles by its priority: SAME_DAY after 4 hours, NEXT_DAY after 1 day (STANDARD, only in
/// transactions from before ADR 0024, after 3 days);</item>
/// <item>wire is PENDING and clears the same day, after 1 hour (CLEARED);</item>
/// <item>SCHEDULED (ach or wire) stays PENDING until its start time, then settles as NEXT_DAY after that moment (1 day later);
/// accepted after its start time, it runs at once: 1 day after the submission (ADR 0024);</item>
/// <item>an amount whose cents are <c>.13</c> (e.g. 10.13) is DECLINED for every account (<see cref="PaymentDeclineCodes.PaymentDeclined"/>);</item>
/// <item>the test cards and bank accounts of <see cref="SandboxTestValues"/> decline with their code, and CVC <c>000</c> or
/// postal code <c>00000</c> / <c>X0X 0X0</c> fail verification (docs/sandbox.md).</item>
/// </list>
/// Tokens are random (an unsalted hash of a card number could be brute-forced back); a test account's token carries only
/// its behaviour (<c>tok_{behaviour}_{random}</c>, <c>pay</c> for an account that pays), no card data. References are <c>sbx_</c> + a hash of the idempotency
/// key, so a resubmission gets the same reference.
/// </summary>
public sealed class SandboxPaymentProcessor : IPaymentProcessor
{
    /// <summary>The reason given for a declined sandbox payment.</summary>
    public const string DeclineReasonText = "Declined by the sandbox (amounts ending in .13 are always declined).";

    private readonly TimeProvider _time;

    public SandboxPaymentProcessor(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>True for the amounts the sandbox declines.</summary>
    public static bool IsDeclinedAmount(decimal amount) => decimal.Remainder(decimal.Round(amount * 100m), 100m) == 13m;

    public Task<CardTokenization> TokenizeCardAsync(CardDetails card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var answer = SandboxTestValues.Verify(card) is var verification and not CardVerification.Ok
            ? new CardTokenization(verification, null)
            : CardTokenization.Verified(Token(SandboxTestValues.CardBehaviour(card.CardNumber)));
        return Task.FromResult(answer);
    }

    public Task<string> TokenizeBankAccountAsync(BankAccountDetails bankAccount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bankAccount);
        return Task.FromResult(Token(SandboxTestValues.BankBehaviour(bankAccount.AccountNumber)));
    }

    public Task<PaymentOutcome> SubmitAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reference = "sbx_" + OpaqueHash(request.IdempotencyKey)[..24];
        if (IsDeclinedAmount(request.Amount))
        {
            return Task.FromResult(new PaymentOutcome(TransactionStatus.Declined, reference, null, DeclineReasonText, PaymentDeclineCodes.PaymentDeclined));
        }

        if (SandboxTestValues.DeclineOf(request.CustomerProcessorToken) is { } decline)
        {
            return Task.FromResult(new PaymentOutcome(TransactionStatus.Declined, reference, null, decline.Reason, decline.Code));
        }

        var now = _time.GetUtcNow();
        var outcome = request.Solution switch
        {
            _ when request.Priority == PaymentPriority.Scheduled => new PaymentOutcome(TransactionStatus.Pending, reference, ScheduledSettlement(request, now), null),
            PaymentSolution.PushToCard => new PaymentOutcome(TransactionStatus.Settled, reference, null, null),
            PaymentSolution.Ach => new PaymentOutcome(TransactionStatus.Pending, reference, now + AchDelay(request.Priority), null),
            _ => new PaymentOutcome(TransactionStatus.Pending, reference, now + TimeSpan.FromHours(1), null),
        };
        return Task.FromResult(outcome);
    }

    public Task<PaymentOutcome> GetSettlementAsync(string processorReference, PaymentSolution solution, CancellationToken cancellationToken) =>
        Task.FromResult(new PaymentOutcome(
            solution == PaymentSolution.Wire ? TransactionStatus.Cleared : TransactionStatus.Settled, processorReference, null, null));

    private static string Token(string behaviour) => "tok_" + behaviour + "_" + Hashing.RandomToken();

    /// <summary>A scheduled payment starts at its start time, or now when that has passed, and settles as NEXT_DAY from there.</summary>
    private static DateTimeOffset ScheduledSettlement(PaymentRequest request, DateTimeOffset now)
    {
        var start = request.StartDateTime is { } at && at > now ? at : now;
        return start + AchDelay(PaymentPriority.NextDay);
    }

    private static TimeSpan AchDelay(PaymentPriority priority) => priority switch
    {
        PaymentPriority.SameDay => TimeSpan.FromHours(4),
        PaymentPriority.NextDay => TimeSpan.FromDays(1),
        _ => TimeSpan.FromDays(3),
    };

    private static string OpaqueHash(string text) => Hashing.Sha256Hex("linx-sandbox:" + text);
}
