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
/// Read endpoints of what workflows create (customers in full, listed and searched; financial accounts and transactions,
/// masked), tenant-scoped, and the payment-reason catalog.
/// </summary>
public static class ResourceEndpoints
{
    internal const int MaxPageTokenLength = 512;

    /// <summary><c>GET /api/linx/payment-reasons</c>.</summary>
    public static Task<IResult> PaymentReasonsAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, _ =>
        Task.FromResult(Results.Json(PaymentReasonCatalog.All, ApiJson.Options)));

    /// <summary><c>GET /api/linx/customers/{id}</c>.</summary>
    public static Task<IResult> CustomerAsync(HttpContext http, string id) =>
        ReadAsync(http, id, (reads, business, key) => reads.GetCustomerAsync(business, key, http.RequestAborted));

    /// <summary><c>GET /api/linx/customers?search=&amp;size=&amp;pageToken=</c>: newest first, or those matching the search.</summary>
    public static Task<IResult> CustomersAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, async business =>
    {
        var errors = new List<FieldError>();
        var search = QueryParameters.Text(http.Request.Query, "search", QueryParameters.MaxSearchLength, errors);
        var size = QueryParameters.Int(http.Request.Query, "size", QueryParameters.DefaultPageSize, 1, QueryParameters.MaxPageSize, errors);
        var pageToken = QueryParameters.Text(http.Request.Query, "pageToken", MaxPageTokenLength, errors);
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(http, errors);
        }

        var reads = http.RequestServices.GetRequiredService<BusinessReadService>();
        return ServiceResults.ToHttp(
            http, await reads.ListCustomersAsync(business, search, size, pageToken, http.RequestAborted), page => Results.Json(page, ApiJson.Options));
    });

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
