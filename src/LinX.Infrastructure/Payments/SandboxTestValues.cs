using LinX.Core.Payments;

namespace LinX.Infrastructure.Payments;

/// <summary>
/// The sandbox's test values (docs/sandbox.md): card and bank account numbers whose payments decline with a given code,
/// and the CVC and postal codes that fail verification. A number maps to a behaviour name that the token carries, so the
/// decline is decided from the token alone: the processor keeps nothing, and the token holds no card data.
/// </summary>
public static class SandboxTestValues
{
    /// <summary>A card the issuer declines (CARD_DECLINED).</summary>
    public const string DeclinedCard = "4000000000000002";

    /// <summary>A card without the funds (INSUFFICIENT_FUNDS).</summary>
    public const string InsufficientFundsCard = "4000000000009995";

    /// <summary>A card that cannot receive instant payouts (CARD_NOT_ELIGIBLE).</summary>
    public const string NotEligibleCard = "4000000000000077";

    /// <summary>A bank account that does not exist (ACCOUNT_INVALID).</summary>
    public const string InvalidAccount = "000111111116";

    /// <summary>A closed bank account (ACCOUNT_CLOSED).</summary>
    public const string ClosedAccount = "000111111113";

    /// <summary>A bank account without the funds (INSUFFICIENT_FUNDS).</summary>
    public const string InsufficientFundsAccount = "000222222227";

    /// <summary>The CVC that never matches.</summary>
    public const string MismatchedCvc = "000";

    private static readonly Dictionary<string, (string Code, string Reason)> Declines = new(StringComparer.Ordinal)
    {
        ["dcl"] = (PaymentDeclineCodes.CardDeclined, "The card issuer declined the payment."),
        ["nsf"] = (PaymentDeclineCodes.InsufficientFunds, "The account does not have enough funds for the payment."),
        ["nie"] = (PaymentDeclineCodes.CardNotEligible, "The card cannot receive instant payouts."),
        ["inv"] = (PaymentDeclineCodes.AccountInvalid, "The bank account does not exist at the bank."),
        ["cls"] = (PaymentDeclineCodes.AccountClosed, "The bank account is closed."),
    };

    /// <summary>The billing postal codes that never match (US ZIP, Canadian postal code), compared without spaces.</summary>
    private static readonly HashSet<string> MismatchedPostalCodes = new(StringComparer.OrdinalIgnoreCase) { "00000", "X0X0X0" };

    /// <summary>The CVC and postal code check: CVC first, as issuers answer it.</summary>
    public static CardVerification Verify(CardDetails card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Cvc == MismatchedCvc ? CardVerification.CvcMismatch
            : MismatchedPostalCodes.Contains(card.PostalCode.Replace(" ", string.Empty, StringComparison.Ordinal)) ? CardVerification.PostalCodeMismatch
            : CardVerification.Ok;
    }

    /// <summary>The behaviour of an account that pays.</summary>
    public const string Pays = "pay";

    /// <summary>The behaviour a card's token carries (<see cref="Pays"/> for a card that pays).</summary>
    public static string CardBehaviour(string cardNumber) => cardNumber switch
    {
        DeclinedCard => "dcl",
        InsufficientFundsCard => "nsf",
        NotEligibleCard => "nie",
        _ => Pays,
    };

    /// <summary>The behaviour a bank account's token carries (<see cref="Pays"/> for an account that pays).</summary>
    public static string BankBehaviour(string accountNumber) => accountNumber switch
    {
        InvalidAccount => "inv",
        ClosedAccount => "cls",
        InsufficientFundsAccount => "nsf",
        _ => Pays,
    };

    /// <summary>The decline a token's behaviour stands for, or null when it pays.</summary>
    internal static (string Code, string Reason)? DeclineOf(string? token)
    {
        // tok_{behaviour}_{random}: the behaviour is the second segment (the random part may hold '_' itself).
        var parts = token?.Split('_', 3);
        return parts is { Length: 3 } && Declines.TryGetValue(parts[1], out var decline) ? decline : null;
    }
}
