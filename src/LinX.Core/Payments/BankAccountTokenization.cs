using LinX.Core.Accounts;
using LinX.Core.Security;

namespace LinX.Core.Payments;

/// <summary>
/// Bank details to what LinX keeps of them: the processor's token, routing number, last 4 and keyed fingerprint.
/// Shared by the Gateway (a customer's account) and the admin API (a business's funding account).
/// </summary>
internal static class BankAccountTokenization
{
    public static async Task<TokenizedBankAccount> TokenizeAsync(
        this IPaymentProcessor processor, LinXCrypto crypto, BankAccountDetails bank, CancellationToken cancellationToken)
    {
        var token = await processor.TokenizeBankAccountAsync(bank, cancellationToken);
        return new TokenizedBankAccount(
            bank.RoutingNumber, bank.AccountNumber[^4..], crypto.Fingerprint("bank", bank.RoutingNumber + ":" + bank.AccountNumber), token, bank.NameOnAccount);
    }
}
