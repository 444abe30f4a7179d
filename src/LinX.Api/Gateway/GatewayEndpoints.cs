using LinX.Api.Http;
using LinX.Api.Problems;
using LinX.Core;
using LinX.Core.Gateway;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Api.Gateway;

/// <summary>
/// The customer's endpoints (<c>/api/gateway/{token}...</c>), authorized by the link token alone (and the
/// passcode cookie when the workflow has a passcode). Submissions answer 202: the orchestrator applies them.
/// </summary>
public static class GatewayEndpoints
{
    /// <summary>The HttpOnly cookie proving the passcode was entered, scoped to one link's API path.</summary>
    public const string PasscodeCookie = "linx_passcode";

    /// <summary><c>GET /api/gateway/{token}</c>: the masked view the page renders.</summary>
    public static async Task<IResult> ViewAsync(HttpContext http, string token)
    {
        NoStore(http);
        var result = await Gateway(http).GetViewAsync(token, Proof(http), http.RequestAborted);
        return ServiceResults.ToHttp(http, result, view => Results.Json(view, ApiJson.Options));
    }

    /// <summary><c>POST /api/gateway/{token}/passcode</c> <c>{ "passcode": "123456" }</c>: 204 and the cookie; 423 once locked.</summary>
    public static async Task<IResult> PasscodeAsync(HttpContext http, string token)
    {
        NoStore(http);
        if (await RequestBody.ReadAsync(http.Request, http.RequestAborted) is not { } body)
        {
            return ProblemResults.BodyTooLarge(http, RequestBody.MaxBytes);
        }

        var passcode = PasscodeRequest.Parse(body.Span);
        if (passcode.Errors.Count > 0)
        {
            return ProblemResults.Validation(http, passcode.Errors);
        }

        var result = await Gateway(http).VerifyPasscodeAsync(token, passcode.Passcode!, http.RequestAborted);
        return ServiceResults.ToHttp(http, result, proof =>
        {
            http.Response.Cookies.Append(PasscodeCookie, proof, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = http.Request.IsHttps,
                Path = $"/api/gateway/{Uri.EscapeDataString(token)}",
                IsEssential = true,
            });
            return Results.NoContent();
        });
    }

    /// <summary><c>POST /api/gateway/{token}/steps/{stepName}</c>: 202, 400 with field errors, 409 when not the current step.</summary>
    public static Task<IResult> SubmitStepAsync(HttpContext http, string token, string stepName) =>
        AcceptAsync(http, body => Gateway(http).SubmitStepAsync(token, stepName, body, Proof(http), Origin(http), http.RequestAborted));

    /// <summary><c>POST /api/gateway/{token}/decline</c> <c>{ "reason": ..., "comment"? }</c>: 202.</summary>
    public static Task<IResult> DeclineAsync(HttpContext http, string token) =>
        AcceptAsync(http, body => Gateway(http).DeclineAsync(token, body, Proof(http), Origin(http), http.RequestAborted));

    private static async Task<IResult> AcceptAsync(HttpContext http, Func<ReadOnlyMemory<byte>, Task<ServiceResult<GatewayAccepted>>> submit)
    {
        NoStore(http);
        if (await RequestBody.ReadAsync(http.Request, http.RequestAborted) is not { } body)
        {
            return ProblemResults.BodyTooLarge(http, RequestBody.MaxBytes);
        }

        var result = await submit(body);
        return ServiceResults.ToHttp(http, result, accepted => Results.Json(accepted, ApiJson.Options, statusCode: StatusCodes.Status202Accepted));
    }

    private static GatewayService Gateway(HttpContext http) => http.RequestServices.GetRequiredService<GatewayService>();

    private static string? Proof(HttpContext http) => http.Request.Cookies[PasscodeCookie];

    private static RequestOrigin Origin(HttpContext http) =>
        RequestOrigin.Of(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString());

    private static void NoStore(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
