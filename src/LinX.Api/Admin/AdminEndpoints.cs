using System.Globalization;
using LinX.Api.Http;
using LinX.Api.OpenApi;
using LinX.Api.Problems;
using LinX.Api.Workflows;
using LinX.Core;
using LinX.Core.Admin;
using LinX.Core.Common;
using LinX.Core.Management;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace LinX.Api.Admin;

/// <summary>
/// The admin API (<c>/api/admin/...</c>): onboarding businesses, their profile, their own financial accounts and their
/// API keys. Host-neutral like the business endpoints; every handler runs inside <see cref="AdminAuthentication"/>.
/// An unknown or malformed business id is 404; so is a key id of another business.
/// </summary>
public static class AdminEndpoints
{
    internal const string NoSuchBusiness = "No such business (also an id that is not a UUID).";

    private const string Businesses = "/api/admin/businesses";

    /// <summary>Maps the admin routes (called by <see cref="LinXApiEndpoints.MapLinXApi"/>).</summary>
    public static IEndpointRouteBuilder MapLinXAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(Businesses).WithTags("Admin").RequiresSecurityScheme(LinXOpenApiServiceCollectionExtensions.AdminKeyScheme)
            .RespondsProblem(StatusCodes.Status401Unauthorized, "No valid admin key (also when none is configured): send Authorization: Bearer <admin key>. A business API key is not one.")
            .RespondsProblem(StatusCodes.Status429TooManyRequests, "Too many requests for this key or too many failed authentications from this address; retry after Retry-After seconds.")
            .RespondsWithFaults();
        admin.MapPost(string.Empty, (Func<HttpContext, Task<IResult>>)CreateBusinessAsync).WithName("AdminCreateBusiness")
            .WithSummary("Onboard a business")
            .WithDescription("Creates a business (a tenant) with its profile. With an Idempotency-Key the same key and body answer the same business; the same key with another body is 409.")
            .ReadsJson<CreateBusinessBody>("The body breaks the contract (errors lists every problem), is not JSON or is larger than 64 KiB, or the Idempotency-Key header is malformed.")
            .WithIdempotencyKeyHeader()
            .Responds<BusinessView>(StatusCodes.Status201Created, "The business (again, for a replayed Idempotency-Key).")
            .WithResponseHeader(StatusCodes.Status201Created, "Location", "The business: /api/admin/businesses/{businessId}.")
            .RespondsProblem(StatusCodes.Status409Conflict, "The Idempotency-Key was used with another body (IDEMPOTENCY_KEY_REUSED).");
        admin.MapGet(string.Empty, (Func<HttpContext, Task<IResult>>)ListBusinessesAsync).WithName("AdminListBusinesses")
            .WithSummary("List businesses")
            .WithDescription("Every business, newest first, one page at a time.")
            .WithParameter(ParameterLocation.Query, "page", "The page, from 1.", () => WholeNumber(BusinessAdminService.MaxPage, 1))
            .WithParameter(ParameterLocation.Query, "size", "Businesses per page.", () => WholeNumber(BusinessAdminService.MaxPageSize, BusinessAdminService.DefaultPageSize))
            .Responds<ResultPage<BusinessView>>(StatusCodes.Status200OK, "One page of businesses and the total count.")
            .RespondsInvalidQuery();
        admin.MapGet("/{id}", GetBusinessAsync).WithName("AdminGetBusiness")
            .WithSummary("Get a business")
            .Responds<BusinessView>(StatusCodes.Status200OK, "The business.")
            .RespondsProblem(StatusCodes.Status404NotFound, NoSuchBusiness);
        admin.MapPut("/{id}/profile", UpdateProfileAsync).WithName("AdminUpdateBusinessProfile")
            .WithSummary("Replace a business's profile")
            .ReadsJson<Core.Businesses.BusinessProfile>("The profile breaks the contract (errors lists every problem) or is not JSON.")
            .Responds<BusinessView>(StatusCodes.Status200OK, "The business with its new profile.")
            .RespondsProblem(StatusCodes.Status404NotFound, NoSuchBusiness);
        admin.MapPost("/{id}/financial-accounts", AddFinancialAccountAsync).WithName("AdminAddBusinessFinancialAccount")
            .WithSummary("Add a business's own bank account")
            .WithDescription("The funding account of its move-money steps (baFinancialAccountId). The account number is tokenized and never stored: LinX keeps the routing number, the last 4 digits and a fingerprint.")
            .ReadsJson<AddBusinessAccountBody>("The account details are invalid (errors lists every problem) or not JSON.")
            .Responds<FinancialAccountView>(StatusCodes.Status201Created, "The account, without its number.")
            .RespondsProblem(StatusCodes.Status404NotFound, NoSuchBusiness);
        admin.MapGet("/{id}/financial-accounts", ListFinancialAccountsAsync).WithName("AdminListBusinessFinancialAccounts")
            .WithSummary("List a business's own financial accounts")
            .Responds<IReadOnlyList<FinancialAccountView>>(StatusCodes.Status200OK, "The business's accounts (not its customers'), oldest first.")
            .RespondsProblem(StatusCodes.Status404NotFound, NoSuchBusiness);
        AdminApiKeyEndpoints.Map(admin);
        return app;
    }

    /// <summary><c>POST /api/admin/businesses</c>: 201 with the business and its Location.</summary>
    public static Task<IResult> CreateBusinessAsync(HttpContext http) => AdminAuthentication.RunAsync(http, async caller =>
    {
        var key = http.Request.Headers[WorkflowEndpoints.IdempotencyKeyHeader];
        if (WorkflowEndpoints.IdempotencyKeyError(key) is { } keyError)
        {
            return ProblemResults.Validation(http, [keyError]);
        }

        var body = await RequestBody.ReadJsonAsync(http);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var result = await Service<BusinessAdminService>(http).CreateAsync(caller, body.Bytes, key.Count == 1 ? key[0] : null, http.RequestAborted);
        return ServiceResults.ToHttp(http, result, created =>
        {
            http.Response.Headers.Location = $"{http.Request.PathBase}{Businesses}/{created.BusinessId}";
            return Created(created);
        });
    });

    /// <summary><c>GET /api/admin/businesses?page=&amp;size=</c>: newest first.</summary>
    public static Task<IResult> ListBusinessesAsync(HttpContext http) => AdminAuthentication.RunAsync(http, async _ =>
    {
        var errors = new List<FieldError>();
        var page = QueryParameters.Int(http.Request.Query, "page", 1, 1, BusinessAdminService.MaxPage, errors);
        var size = QueryParameters.Int(http.Request.Query, "size", BusinessAdminService.DefaultPageSize, 1, BusinessAdminService.MaxPageSize, errors);
        return errors.Count > 0
            ? ProblemResults.Validation(http, errors)
            : Ok(http, await Service<BusinessAdminService>(http).ListAsync(page, size, http.RequestAborted));
    });

    /// <summary><c>GET /api/admin/businesses/{id}</c>.</summary>
    public static Task<IResult> GetBusinessAsync(HttpContext http, string id) => WithBusinessAsync(http, id, async (_, businessId) =>
        Ok(http, await Service<BusinessAdminService>(http).GetAsync(businessId, http.RequestAborted)));

    /// <summary><c>PUT /api/admin/businesses/{id}/profile</c> with the whole profile.</summary>
    public static Task<IResult> UpdateProfileAsync(HttpContext http, string id) => WithBodyAsync(http, id, async (caller, businessId, body) =>
        Ok(http, await Service<BusinessAdminService>(http).UpdateProfileAsync(caller, businessId, body, http.RequestAborted)));

    /// <summary><c>POST /api/admin/businesses/{id}/financial-accounts</c>: 201 with the account, never its number.</summary>
    public static Task<IResult> AddFinancialAccountAsync(HttpContext http, string id) => WithBodyAsync(http, id, async (caller, businessId, body) =>
        ServiceResults.ToHttp(http, await Service<BusinessAccountService>(http).AddAsync(caller, businessId, body, http.RequestAborted), Created));

    /// <summary><c>GET /api/admin/businesses/{id}/financial-accounts</c>.</summary>
    public static Task<IResult> ListFinancialAccountsAsync(HttpContext http, string id) => WithBusinessAsync(http, id, async (_, businessId) =>
        Ok(http, await Service<BusinessAccountService>(http).ListAsync(businessId, http.RequestAborted)));

    private static OpenApiSchema WholeNumber(int max, int fallback) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = "1",
        Maximum = max.ToString(CultureInfo.InvariantCulture),
        Default = fallback,
    };

    internal static T Service<T>(HttpContext http)
        where T : notnull => http.RequestServices.GetRequiredService<T>();

    internal static IResult Ok<T>(HttpContext http, ServiceResult<T> result) => ServiceResults.ToHttp(http, result, value => Results.Json(value, ApiJson.Options));

    internal static IResult Created<T>(T value) => Results.Json(value, ApiJson.Options, statusCode: StatusCodes.Status201Created);

    /// <summary>Authenticates, then parses the business id of the route (404 when it is not one).</summary>
    internal static Task<IResult> WithBusinessAsync(HttpContext http, string id, Func<AdminCaller, Guid, Task<IResult>> handle) =>
        AdminAuthentication.RunAsync(http, caller =>
            RouteIds.Parse(id) is { } businessId ? handle(caller, businessId) : Task.FromResult(ProblemResults.NotFound(http, "No such business.")));

    /// <summary>As <see cref="WithBusinessAsync"/>, then reads the JSON body (its problem when it cannot be read).</summary>
    internal static Task<IResult> WithBodyAsync(HttpContext http, string id, Func<AdminCaller, Guid, ReadOnlyMemory<byte>, Task<IResult>> handle) =>
        WithBusinessAsync(http, id, async (caller, businessId) =>
        {
            var body = await RequestBody.ReadJsonAsync(http);
            return body.Problem ?? await handle(caller, businessId, body.Bytes);
        });
}
