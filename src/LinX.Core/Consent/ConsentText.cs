using System.Globalization;
using LinX.Core.Security;
using LinX.Core.Workflows;

namespace LinX.Core.Consent;

/// <summary>
/// The sentence a customer accepts on each step, shown on the Gateway exactly as hashed into their evidence. A change
/// of wording is a new <see cref="Version"/>.
/// </summary>
public sealed record ConsentText(string Version, string Text)
{
    public const string CurrentVersion = "2026-12-01";

    public string Sha256 => Hashing.Sha256Hex(Text);

    /// <summary>The text of <paramref name="step"/> of a workflow of <paramref name="businessName"/>.</summary>
    public static ConsentText For(WorkflowStep step, string businessName) => new(CurrentVersion, step switch
    {
        CustomerAccountStep =>
            $"I confirm that the profile I entered is mine and correct, and I agree that {businessName} opens a customer account with it.",
        LookupProfileStep => $"I confirm that this profile is mine and that {businessName} may use it.",
        FinancialAccountStep => $"I confirm that this account is mine and I agree that {businessName} keeps it on file for this request.",
        LookupFinancialAccountStep => $"I confirm that this account is mine and that {businessName} may use it for this request.",
        MoveMoneyStep move => MoneyText(move, businessName),
        _ => $"I confirm this step for {businessName}.",
    });

    private static string MoneyText(MoveMoneyStep move, string businessName)
    {
        var amount = move.Amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + move.Currency;
        var method = move.Solution switch
        {
            PaymentSolution.PushToCard => "to my card",
            PaymentSolution.Ach => "by ACH bank transfer",
            _ => "by wire transfer",
        };
        return move.TransactionType == TransactionType.Request
            ? $"I authorise {businessName} to debit {amount} from my account {method}, once, for this request. I can revoke this by declining before the debit is made or by contacting {businessName}."
            : $"I accept that {businessName} sends me {amount} {method}.";
    }
}
