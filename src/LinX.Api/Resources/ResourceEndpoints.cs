using LinX.Api.Http;
using LinX.Api.Problems;
using LinX.Core;
using LinX.Core.Businesses;
using LinX.Core.Management;
using LinX.Core.Workflows;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Api.Resources;

/// <summary>
/// Read endpoints of what workflows create (customers, financial accounts, transactions), tenant-scoped and
/// masked, and the payment-reason catalog.
/// </summary>
public static class ResourceEndpoints
{
    /// <summary><c>GET /api/linx/payment-reasons</c>.</summary>
    public static Task<IResult> PaymentReasonsAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, _ =>
        Task.FromResult(Results.Json(PaymentReasonCatalog.All, ApiJson.Options)));

    /// <summary><c>GET /api/linx/customers/{id}</c>.</summary>
    public static Task<IResult> CustomerAsync(HttpContext http, string id) =>
        ReadAsync(http, id, (reads, business, key) => reads.GetCustomerAsync(business, key, http.RequestAborted));

    /// <summary><c>GET /api/linx/financial-accounts/{id}</c>.</summary>
    public static Task<IResult> FinancialAccountAsync(HttpContext http, string id) =>
        ReadAsync(http, id, (reads, business, key) => reads.GetFinancialAccountAsync(business, key, http.RequestAborted));

    /// <summary><c>GET /api/linx/transactions/{id}</c>.</summary>
    public static Task<IResult> TransactionAsync(HttpContext http, string id) =>
        ReadAsync(http, id, (reads, business, key) => reads.GetTransactionAsync(business, key, http.RequestAborted));

    private static Task<IResult> ReadAsync<T>(
        HttpContext http, string id, Func<BusinessReadService, Business, Guid, Task<ServiceResult<T>>> read) =>
        BusinessAuthentication.RunAsync(http, async business =>
            RouteIds.Parse(id) is { } key
                ? ServiceResults.ToHttp(
                    http, await read(http.RequestServices.GetRequiredService<BusinessReadService>(), business, key), value => Results.Json(value, ApiJson.Options))
                : ProblemResults.NotFound(http));
}
