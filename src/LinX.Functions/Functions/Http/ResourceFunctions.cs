using LinX.Api.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions.Http;

/// <summary>HTTP triggers of the business's read endpoints, one line each onto <see cref="ResourceEndpoints"/>.</summary>
public static class ResourceFunctions
{
    [Function("GetPaymentReasons")]
    public static Task<IResult> PaymentReasonsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/linx/payment-reasons")] HttpRequest req) =>
        ResourceEndpoints.PaymentReasonsAsync(req.HttpContext);

    [Function("ListCustomers")]
    public static Task<IResult> CustomersAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/linx/customers")] HttpRequest req) =>
        ResourceEndpoints.CustomersAsync(req.HttpContext);

    [Function("GetCustomer")]
    public static Task<IResult> CustomerAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/linx/customers/{id}")] HttpRequest req, string id) =>
        ResourceEndpoints.CustomerAsync(req.HttpContext, id);

    [Function("GetFinancialAccount")]
    public static Task<IResult> FinancialAccountAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/linx/financial-accounts/{id}")] HttpRequest req, string id) =>
        ResourceEndpoints.FinancialAccountAsync(req.HttpContext, id);

    [Function("GetTransaction")]
    public static Task<IResult> TransactionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/linx/transactions/{id}")] HttpRequest req, string id) =>
        ResourceEndpoints.TransactionAsync(req.HttpContext, id);
}
