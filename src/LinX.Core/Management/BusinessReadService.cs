using LinX.Core.Accounts;
using LinX.Core.Businesses;
using LinX.Core.Customers;
using LinX.Core.Payments;

namespace LinX.Core.Management;

/// <summary>Tenant-scoped point reads of customers, financial accounts and transactions, masked.</summary>
public sealed class BusinessReadService
{
    private readonly ICustomerStore _customers;
    private readonly IFinancialAccountStore _accounts;
    private readonly ITransactionStore _transactions;

    public BusinessReadService(ICustomerStore customers, IFinancialAccountStore accounts, ITransactionStore transactions)
    {
        _customers = customers;
        _accounts = accounts;
        _transactions = transactions;
    }

    public async Task<ServiceResult<CustomerView>> GetCustomerAsync(Business business, Guid customerId, CancellationToken cancellationToken) =>
        await _customers.GetAsync(business.BusinessId, customerId, cancellationToken) is { } customer
            ? ServiceResult.Ok(CustomerView.From(customer))
            : NotFound<CustomerView>("customer");

    public async Task<ServiceResult<FinancialAccountView>> GetFinancialAccountAsync(
        Business business, Guid financialAccountId, CancellationToken cancellationToken) =>
        await _accounts.GetAsync(business.BusinessId, financialAccountId, cancellationToken) is { } account
            ? ServiceResult.Ok(FinancialAccountView.From(account))
            : NotFound<FinancialAccountView>("financial account");

    public async Task<ServiceResult<TransactionView>> GetTransactionAsync(Business business, Guid transactionId, CancellationToken cancellationToken) =>
        await _transactions.GetAsync(business.BusinessId, transactionId, cancellationToken) is { } transaction
            ? ServiceResult.Ok(TransactionView.From(transaction))
            : NotFound<TransactionView>("transaction");

    private static ServiceResult<T> NotFound<T>(string what) =>
        ServiceResult.Fail<T>(ServiceOutcome.NotFound, new FieldError("$", $"No such {what}.", "NOT_FOUND"));
}
