using System.Globalization;
using System.Resources;
using System.Text.Json.Serialization;
using LinX.Core.Security;
using LinX.Core.Workflows;

namespace LinX.Core.Consent;

/// <summary>
/// The sentence a customer accepts on each step, in the page's locale, shown on the Gateway exactly as hashed into their
/// evidence (which keeps the text itself too). A change of wording is a new <see cref="CurrentVersion"/>. An ACH debit's
/// is a debit authorisation (<see cref="ConsentKind.AchDebitAuthorization"/>): amount, date, account, business and how
/// to revoke it, which the customer must tick as well as accept.
/// </summary>
public sealed record ConsentText(string Version, string Text, ConsentKind Kind, string Locale)
{
    public const string CurrentVersion = "2026-12-02";

    private static readonly ResourceManager Strings = new("LinX.Core.Consent.ConsentStrings", typeof(ConsentText).Assembly);

    public string Sha256 => Hashing.Sha256Hex(Text);

    /// <summary>The text of <paramref name="step"/> for what <paramref name="context"/> says of the workflow.</summary>
    public static ConsentText For(WorkflowStep step, ConsentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = Notifications.MessageLocale.Culture(context.Locale);
        string Say(string key, params object?[] args) => string.Format(culture, Strings.GetString(key, culture)!, args);

        var business = context.BusinessName;
        var (kind, text) = step switch
        {
            CustomerAccountStep => (ConsentKind.Step, Say("CustomerAccount", business)),
            LookupProfileStep => (ConsentKind.Step, Say("LookupProfile", business)),
            FinancialAccountStep => (ConsentKind.Step, Say("FinancialAccount", business)),
            LookupFinancialAccountStep => (ConsentKind.Step, Say("LookupFinancialAccount", business)),
            MoveMoneyStep move => MoneyText(move, context, culture, Say),
            _ => (ConsentKind.Step, Say("OtherStep", business)),
        };
        return new ConsentText(CurrentVersion, text, kind, context.Locale);
    }

    private static (ConsentKind, string) MoneyText(MoveMoneyStep move, ConsentContext context, CultureInfo culture, Func<string, object?[], string> say)
    {
        var amount = move.Amount.ToString("N2", culture) + " " + move.Currency;
        var account = context.AccountLast4 is null
            ? say("AnyAccount", [])
            : say(context.AccountSubType switch
            {
                FinancialAccountSubType.Checking => "CheckingAccount",
                FinancialAccountSubType.Saving => "SavingAccount",
                _ => "CardAccount",
            }, [context.AccountLast4]);
        if (move.TransactionType == TransactionType.Request)
        {
            var contact = context.SupportContact is null ? string.Empty : say("ContactSuffix", [context.SupportContact]);
            // A SCHEDULED debit is authorised from its start day (the business's own calendar day), not from today.
            var from = move.StartDateTime is { } start && DateOnly.FromDateTime(start.DateTime) > context.Today
                ? DateOnly.FromDateTime(start.DateTime)
                : context.Today;
            var date = from.ToString(say("DateFormat", []), culture);
            return move.Solution == PaymentSolution.Ach
                ? (ConsentKind.AchDebitAuthorization, say("AchDebitAuthorization", [context.BusinessName, amount, account, date, contact]))
                : (ConsentKind.Step, say("DebitOther", [context.BusinessName, amount, account, date, contact]));
        }

        var key = move.Solution switch
        {
            PaymentSolution.PushToCard => "PayoutToCard",
            PaymentSolution.Ach => "PayoutAch",
            _ => "PayoutWire",
        };
        return (ConsentKind.PayoutTerms, say(key, [context.BusinessName, amount, account]));
    }
}

/// <summary>What a consent sentence says of its workflow: the business, its support contact, the account and today's date where it is, the locale.</summary>
/// <remarks><c>Locale</c>: one of <see cref="Businesses.BusinessProfile.Locales"/>. <c>Today</c>: in the business's time zone.</remarks>
public sealed record ConsentContext(
    string BusinessName, string? SupportContact, string? AccountLast4, FinancialAccountSubType? AccountSubType, DateOnly Today, string Locale);

/// <summary>
/// STEP: a confirmation accepted by submitting the step. PAYOUT_TERMS: the one-line terms of a payout.
/// ACH_DEBIT_AUTHORIZATION: a debit authorisation, which the customer must also tick (<c>"authorize": true</c>).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConsentKind>))]
public enum ConsentKind
{
    [JsonStringEnumMemberName("STEP")] Step,
    [JsonStringEnumMemberName("PAYOUT_TERMS")] PayoutTerms,
    [JsonStringEnumMemberName("ACH_DEBIT_AUTHORIZATION")] AchDebitAuthorization,

    /// <summary>A business document accepted on a document-acceptance step, its version and full text kept.</summary>
    [JsonStringEnumMemberName("DOCUMENT")] Document,
}
