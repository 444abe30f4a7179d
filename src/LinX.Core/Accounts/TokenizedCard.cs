namespace LinX.Core.Accounts;

/// <summary>
/// A validated card after tokenization: what may travel in orchestration history. The number is gone; only
/// brand, last 4, expiry, keyed fingerprint and the processor's token remain.
/// </summary>
public sealed record TokenizedCard(
    string Brand, string Last4, int ExpiryYear, int ExpiryMonth, string Fingerprint, string ProcessorToken, string NameOnCard);

/// <summary>A validated bank account after tokenization: routing number, last 4, fingerprint, token, holder name.</summary>
public sealed record TokenizedBankAccount(
    string RoutingNumber, string Last4, string Fingerprint, string ProcessorToken, string NameOnAccount);
