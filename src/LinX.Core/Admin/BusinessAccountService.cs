using LinX.Core.Accounts;
using LinX.Core.Businesses;
using LinX.Core.Management;
using LinX.Core.Payments;
using LinX.Core.Security;
using Microsoft.Extensions.Logging;

namespace LinX.Core.Admin;

/// <summary>
/// A business's own financial accounts (the <c>baFinancialAccountId</c> of its move-money steps), added through the
/// admin API. The account number goes to the processor for a token and is dropped: LinX keeps the routing number, the
/// last 4, a keyed fingerprint and the token, never the number, and logs none of them.
/// </summary>
public sealed class BusinessAccountService
{
    private readonly IBusinessStore _businesses;
    private readonly IFinancialAccountStore _accounts;
    private readonly IPaymentProcessor _processor;
    private readonly LinXCrypto _crypto;
    private readonly TimeProvider _time;
    private readonly ILogger<BusinessAccountService> _logger;

    public BusinessAccountService(
        IBusinessStore businesses,
        IFinancialAccountStore accounts,
        IPaymentProcessor processor,
        LinXCrypto crypto,
        TimeProvider time,
        ILogger<BusinessAccountService> logger)
    {
        _businesses = businesses;
        _accounts = accounts;
        _processor = processor;
        _crypto = crypto;
        _time = time;
        _logger = logger;
    }

    public async Task<ServiceResult<FinancialAccountView>> AddAsync(AdminCaller caller, Guid businessId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await _businesses.GetAsync(businessId, cancellationToken) is not { } business)
        {
            return BusinessAdminService.NotFound<FinancialAccountView>();
        }

        var (request, errors) = BusinessAccountRequest.Parse(body);
        if (request is null)
        {
            return ServiceResult.Fail<FinancialAccountView>(ServiceOutcome.Invalid, errors);
        }

        var bank = await _processor.TokenizeAsync(_crypto, request.Bank, cancellationToken);
        var account = await _accounts.CreateAsync(
            new FinancialAccount(
                Guid.NewGuid(), business.BusinessId, null, request.SubType, null, bank.Last4, null, bank.RoutingNumber,
                bank.Fingerprint, bank.ProcessorToken, bank.NameOnAccount, null, _time.GetUtcNow()),
            cancellationToken);
        _logger.BusinessAccountAdded(caller.KeyNumber, account.FinancialAccountId, business.BusinessId);
        return ServiceResult.Ok(FinancialAccountView.From(account));
    }

    public async Task<ServiceResult<IReadOnlyList<FinancialAccountView>>> ListAsync(Guid businessId, CancellationToken cancellationToken)
    {
        if (await _businesses.GetAsync(businessId, cancellationToken) is null)
        {
            return BusinessAdminService.NotFound<IReadOnlyList<FinancialAccountView>>();
        }

        var accounts = await _accounts.ListBusinessAccountsAsync(businessId, cancellationToken);
        return ServiceResult.Ok<IReadOnlyList<FinancialAccountView>>([.. accounts.Select(FinancialAccountView.From)]);
    }
}
