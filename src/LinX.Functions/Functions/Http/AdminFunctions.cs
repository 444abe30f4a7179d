using LinX.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions.Http;

/// <summary>
/// HTTP triggers of the admin API, one line each onto <see cref="AdminEndpoints"/> and <see cref="AdminApiKeyEndpoints"/>
/// (authenticated by <c>LinX:Admin:ApiKeyHashes</c>, not by the Functions host's keys). No Durable client: onboarding
/// and keys touch no orchestration.
/// </summary>
public static class AdminFunctions
{
    private const string Base = "api/admin/businesses";

    [Function("AdminCreateBusiness")]
    public static Task<IResult> CreateBusinessAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base)] HttpRequest req) =>
        AdminEndpoints.CreateBusinessAsync(req.HttpContext);

    [Function("AdminListBusinesses")]
    public static Task<IResult> ListBusinessesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base)] HttpRequest req) =>
        AdminEndpoints.ListBusinessesAsync(req.HttpContext);

    [Function("AdminGetBusiness")]
    public static Task<IResult> GetBusinessAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base + "/{id}")] HttpRequest req, string id) =>
        AdminEndpoints.GetBusinessAsync(req.HttpContext, id);

    [Function("AdminUpdateBusinessProfile")]
    public static Task<IResult> UpdateProfileAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Base + "/{id}/profile")] HttpRequest req, string id) =>
        AdminEndpoints.UpdateProfileAsync(req.HttpContext, id);

    [Function("AdminAddBusinessFinancialAccount")]
    public static Task<IResult> AddFinancialAccountAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/financial-accounts")] HttpRequest req, string id) =>
        AdminEndpoints.AddFinancialAccountAsync(req.HttpContext, id);

    [Function("AdminListBusinessFinancialAccounts")]
    public static Task<IResult> ListFinancialAccountsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base + "/{id}/financial-accounts")] HttpRequest req, string id) =>
        AdminEndpoints.ListFinancialAccountsAsync(req.HttpContext, id);

    [Function("AdminCreateApiKey")]
    public static Task<IResult> CreateApiKeyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/api-keys")] HttpRequest req, string id) =>
        AdminApiKeyEndpoints.CreateAsync(req.HttpContext, id);

    [Function("AdminListApiKeys")]
    public static Task<IResult> ListApiKeysAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base + "/{id}/api-keys")] HttpRequest req, string id) =>
        AdminApiKeyEndpoints.ListAsync(req.HttpContext, id);

    [Function("AdminRevokeApiKey")]
    public static Task<IResult> RevokeApiKeyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/api-keys/{keyId}/revoke")] HttpRequest req, string id, string keyId) =>
        AdminApiKeyEndpoints.RevokeAsync(req.HttpContext, id, keyId);

    [Function("AdminRotateApiKey")]
    public static Task<IResult> RotateApiKeyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base + "/{id}/api-keys/{keyId}/rotate")] HttpRequest req, string id, string keyId) =>
        AdminApiKeyEndpoints.RotateAsync(req.HttpContext, id, keyId);
}
