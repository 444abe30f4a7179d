using LinX.Api.Http;
using LinX.Api.OpenApi;
using LinX.Api.Problems;
using LinX.Core.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LinX.Api.Admin;

/// <summary>
/// A business's API keys (<c>/api/admin/businesses/{id}/api-keys...</c>): a new key is in the answer of its create
/// or rotate only; lists show its prefix, never the key or its hash.
/// </summary>
public static class AdminApiKeyEndpoints
{
    private const string NoSuchKey = "No such business, or no such API key of it (another business's key is 404 too).";

    /// <summary><c>POST .../api-keys</c> with <c>{ name, expiresInDays? }</c>: 201 with the key, shown this once.</summary>
    public static Task<IResult> CreateAsync(HttpContext http, string id) => AdminEndpoints.WithBodyAsync(http, id, async (caller, businessId, body) =>
        ServiceResults.ToHttp(http, await Keys(http).CreateAsync(caller, businessId, body, http.RequestAborted), AdminEndpoints.Created));

    /// <summary><c>GET .../api-keys</c>: every key of the business with its status, oldest first.</summary>
    public static Task<IResult> ListAsync(HttpContext http, string id) => AdminEndpoints.WithBusinessAsync(http, id, async (_, businessId) =>
        AdminEndpoints.Ok(http, await Keys(http).ListAsync(businessId, http.RequestAborted)));

    /// <summary><c>POST .../api-keys/{keyId}/revoke</c>: the key answers 401 from now on.</summary>
    public static Task<IResult> RevokeAsync(HttpContext http, string id, string keyId) => AdminEndpoints.WithBusinessAsync(http, id, async (caller, businessId) =>
        RouteIds.Parse(keyId) is { } key
            ? AdminEndpoints.Ok(http, await Keys(http).RevokeAsync(caller, businessId, key, http.RequestAborted))
            : NotFound(http));

    /// <summary><c>POST .../api-keys/{keyId}/rotate</c> with <c>{ overlapHours?, expiresInDays? }</c> or no body: 201 with the new key.</summary>
    public static Task<IResult> RotateAsync(HttpContext http, string id, string keyId) => AdminEndpoints.WithBodyAsync(http, id, async (caller, businessId, body) =>
        RouteIds.Parse(keyId) is { } key
            ? ServiceResults.ToHttp(http, await Keys(http).RotateAsync(caller, businessId, key, body, http.RequestAborted), AdminEndpoints.Created)
            : NotFound(http));

    internal static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/{id}/api-keys", CreateAsync).WithName("AdminCreateApiKey")
            .WithSummary("Create an API key for a business")
            .WithDescription("The key is in this answer only: LinX keeps its SHA-256 hash. A business has at most 20 keys that work.")
            .ReadsJson<CreateApiKeyBody>("The body breaks the contract (errors lists every problem) or is not JSON.")
            .Responds<CreatedApiKey>(StatusCodes.Status201Created, "The new key, shown once.")
            .RespondsProblem(StatusCodes.Status409Conflict, "The business has the most keys that work (API_KEY_LIMIT_REACHED).")
            .RespondsProblem(StatusCodes.Status404NotFound, AdminEndpoints.NoSuchBusiness);
        admin.MapGet("/{id}/api-keys", ListAsync).WithName("AdminListApiKeys")
            .WithSummary("List a business's API keys")
            .WithDescription("Every key with its prefix, name, dates and status (ACTIVE, EXPIRING within a week, EXPIRED, REVOKED); never a key or its hash. lastUsedAt is written at most every 5 minutes per key and host.")
            .Responds<IReadOnlyList<ApiKeyView>>(StatusCodes.Status200OK, "The keys, oldest first.")
            .RespondsProblem(StatusCodes.Status404NotFound, AdminEndpoints.NoSuchBusiness);
        admin.MapPost("/{id}/api-keys/{keyId}/revoke", RevokeAsync).WithName("AdminRevokeApiKey")
            .WithSummary("Revoke an API key")
            .WithDescription("The key answers 401 from its next request on. Revoking a revoked key changes nothing. Takes no body.")
            .Responds<ApiKeyView>(StatusCodes.Status200OK, "The revoked key.")
            .RespondsProblem(StatusCodes.Status404NotFound, NoSuchKey);
        admin.MapPost("/{id}/api-keys/{keyId}/rotate", RotateAsync).WithName("AdminRotateApiKey")
            .WithSummary("Rotate an API key")
            .WithDescription("A new key with the same name, shown once; the old key goes on working for overlapHours (0 to 168, 24 when absent), then answers 401.")
            .ReadsJson<RotateApiKeyBody>("The body breaks the contract (errors lists every problem) or is not JSON.")
            .Responds<RotatedApiKey>(StatusCodes.Status201Created, "The new key (shown once) and the old one with its new expiry.")
            .RespondsProblem(StatusCodes.Status409Conflict, "The key is revoked or expired (API_KEY_NOT_ACTIVE).")
            .RespondsProblem(StatusCodes.Status404NotFound, NoSuchKey);
    }

    private static ApiKeyService Keys(HttpContext http) => AdminEndpoints.Service<ApiKeyService>(http);

    private static IResult NotFound(HttpContext http) => ProblemResults.NotFound(http, "No such API key.");
}
