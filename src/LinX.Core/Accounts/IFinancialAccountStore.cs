namespace LinX.Core.Accounts;

/// <summary>Financial accounts, partitioned by business.</summary>
public interface IFinancialAccountStore
{
    Task<FinancialAccount?> GetAsync(Guid businessId, Guid financialAccountId, CancellationToken cancellationToken);

    /// <summary>The business's own accounts (those of no customer), oldest first.</summary>
    Task<IReadOnlyList<FinancialAccount>> ListBusinessAccountsAsync(Guid businessId, CancellationToken cancellationToken);

    /// <summary>Inserts the account unless one with that id exists; returns the stored one (idempotent).</summary>
    Task<FinancialAccount> CreateAsync(FinancialAccount account, CancellationToken cancellationToken);
}
