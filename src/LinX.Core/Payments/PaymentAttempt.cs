using System.Text.Json.Serialization;
using LinX.Core.Activities;

namespace LinX.Core.Payments;

/// <summary>
/// One try at a workflow's money movement, as the business reads it (<c>paymentAttempts</c>): the transaction it made,
/// the customer account it used, how it ended and why. Holds no personal data, so it may travel in orchestration history.
/// </summary>
/// <remarks>
/// <c>Attempt</c>: 1 for the first try, then 2 and 3 with the customer's replacement accounts. <c>ReasonCode</c>: a
/// <see cref="PaymentDeclineCodes"/> code when it did not go through; null otherwise. <c>Reason</c>: the processor's reason in
/// plain words, when it did not go through. <c>At</c>: when the attempt's transaction was created.
/// </remarks>
public sealed record PaymentAttempt(
    int Attempt, Guid TransactionId, Guid FinancialAccountId, TransactionStatus Status, string? ReasonCode, string? Reason, DateTimeOffset At)
{
    /// <summary>At most this many attempts per workflow: the first and two with replacement accounts.</summary>
    public const int MaxAttempts = 3;

    /// <summary>
    /// The storage key or id seed of attempt <paramref name="attempt"/> of something named <paramref name="name"/>: the name
    /// itself for the first (as before attempts existed), <c>name:n</c> after. One rule, since these keys make the retries idempotent.
    /// </summary>
    public static string KeyOf(string name, int attempt) =>
        attempt <= 1 ? name : name + ":" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the attempt did not go through (DECLINED or ERROR).</summary>
    [JsonIgnore]
    public bool Failed => Status is TransactionStatus.Declined or TransactionStatus.Error;

    /// <summary>The attempt of a move-money activity's outcome.</summary>
    public static PaymentAttempt From(int attempt, Guid financialAccountId, TransactionOutput transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var failed = transaction.Status is TransactionStatus.Declined or TransactionStatus.Error;
        return new PaymentAttempt(
            attempt, transaction.TransactionId, financialAccountId, transaction.Status,
            failed ? PaymentDeclineCodes.Of(transaction.Status, transaction.ReasonCode) : null, failed ? transaction.Reason : null,
            transaction.CreatedAt ?? default);
    }
}
