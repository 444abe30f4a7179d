using LinX.Core.Accounts;
using LinX.Core.Businesses;
using LinX.Core.Consent;
using LinX.Core.Customers;
using LinX.Core.Payments;

namespace LinX.Core.Management;

/// <summary>Tenant-scoped reads of customers (in full, and listed or searched), financial accounts and transactions (masked).</summary>
public sealed class BusinessReadService
{
    private readonly ICustomerStore _customers;
    private readonly IFinancialAccountStore _accounts;
    private readonly ITransactionStore _transactions;
    private readonly IConsentStore _consents;

    public BusinessReadService(ICustomerStore customers, IFinancialAccountStore accounts, ITransactionStore transactions, IConsentStore consents)
    {
        _customers = customers;
        _accounts = accounts;
        _transactions = transactions;
        _consents = consents;
    }

    public async Task<ServiceResult<CustomerView>> GetCustomerAsync(Business business, Guid customerId, CancellationToken cancellationToken) =>
        await _customers.GetAsync(business.BusinessId, customerId, cancellationToken) is { } customer
            ? ServiceResult.Ok(CustomerView.From(customer))
            : NotFound<CustomerView>("customer");

    /// <summary>The business's customers, newest first, or those whose e-mail, phone number or name words equal <paramref name="search"/>'s.</summary>
    public async Task<ServiceResult<CustomerListView>> ListCustomersAsync(
        Business business, string? search, int size, string? pageToken, CancellationToken cancellationToken)
    {
        var terms = search is null ? [] : CustomerSearchTerms.Parse(search, business.Country);
        if (search is not null && terms.Count == 0)
        {
            return ServiceResult.Ok(new CustomerListView([], null));
        }

        var page = await _customers.ListAsync(business.BusinessId, terms, size, pageToken, cancellationToken);
        return ServiceResult.Ok(new CustomerListView([.. page.Items.Select(CustomerView.From)], page.NextPageToken));
    }

    public async Task<ServiceResult<FinancialAccountView>> GetFinancialAccountAsync(
        Business business, Guid financialAccountId, CancellationToken cancellationToken) =>
        await _accounts.GetAsync(business.BusinessId, financialAccountId, cancellationToken) is { } account
            ? ServiceResult.Ok(FinancialAccountView.From(account))
            : NotFound<FinancialAccountView>("financial account");

    /// <summary>The transaction with its evidence: the customer's acceptance of the money movement it came from (the last one before it).</summary>
    public async Task<ServiceResult<TransactionView>> GetTransactionAsync(Business business, Guid transactionId, CancellationToken cancellationToken)
    {
        if (await _transactions.GetAsync(business.BusinessId, transactionId, cancellationToken) is not { } transaction)
        {
            return NotFound<TransactionView>("transaction");
        }

        var evidence = transaction.WorkflowId is { } workflowId
            ? (await _consents.ListAsync(business.BusinessId, workflowId, cancellationToken))
                .LastOrDefault(e => e.StepName.StartsWith(Workflows.StepNames.MoveMoney, StringComparison.Ordinal) && e.AcceptedAt <= transaction.CreatedAt)
            : null;
        return ServiceResult.Ok(TransactionView.From(transaction) with { Acceptance = evidence is null ? null : ConsentView.From(evidence) });
    }

    private static ServiceResult<T> NotFound<T>(string what) =>
        ServiceResult.Fail<T>(ServiceOutcome.NotFound, new FieldError("$", $"No such {what}.", ServiceErrorCodes.NotFound));
}
