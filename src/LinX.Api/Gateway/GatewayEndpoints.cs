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
/// Every route takes the client address's and the link's rate limits (<see cref="RequestRateLimiter.ForLink"/>)
/// before it looks the link up, and bodies must be JSON, which refuses a cross-origin page's form or text post.
/// </summary>
public static class GatewayEndpoints
{
    /// <summary>The HttpOnly cookie proving the passcode was entered, scoped to one link's API path.</summary>
    public const string PasscodeCookie = "linx_passcode";

    /// <summary><c>GET /api/gateway/{token}?locale=fr-CA</c>: the masked view the page renders, its consent sentence in the page's language.</summary>
    public static Task<IResult> ViewAsync(HttpContext http, string token) => LimitedAsync(http, token, async () =>
    {
        var result = await Gateway(http).GetViewAsync(token, Proof(http), http.Request.Query["locale"].FirstOrDefault(), http.RequestAborted);
        return ServiceResults.ToHttp(http, result, view => Results.Json(view, ApiJson.Options));
    });

    /// <summary><c>POST /api/gateway/{token}/passcode</c> <c>{ "passcode": "123456" }</c>: 204 and the cookie; 423 once locked.</summary>
    public static Task<IResult> PasscodeAsync(HttpContext http, string token) => LimitedAsync(http, token, passcodeAttempt: true, handle: async () =>
    {
        var body = await RequestBody.ReadJsonAsync(http);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var passcode = PasscodeRequest.Parse(body.Bytes.Span);
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
    });

    /// <summary><c>POST /api/gateway/{token}/steps/{stepName}</c>: 202, 400 with field errors, 409 when not the current step.</summary>
    public static Task<IResult> SubmitStepAsync(HttpContext http, string token, string stepName) =>
        AcceptAsync(http, token, body => Gateway(http).SubmitStepAsync(token, stepName, body, Proof(http), Origin(http), http.RequestAborted));

    /// <summary><c>POST /api/gateway/{token}/decline</c> <c>{ "reason": ..., "comment"? }</c>: 202.</summary>
    public static Task<IResult> DeclineAsync(HttpContext http, string token) =>
        AcceptAsync(http, token, body => Gateway(http).DeclineAsync(token, body, Proof(http), Origin(http), http.RequestAborted));

    /// <summary>
    /// <c>POST /api/gateway/{token}/retry</c>: the replacement card or bank account of a declined payment, with
    /// <c>"accept": true</c>; 202, 400 with field errors, 409 when the payment waits for no replacement.
    /// </summary>
    public static Task<IResult> RetryAsync(HttpContext http, string token) =>
        AcceptAsync(http, token, body => Gateway(http).RetryAsync(token, body, Proof(http), Origin(http), http.RequestAborted));

    private static Task<IResult> AcceptAsync(HttpContext http, string token, Func<ReadOnlyMemory<byte>, Task<ServiceResult<GatewayAccepted>>> submit) =>
        LimitedAsync(http, token, async () =>
        {
            var body = await RequestBody.ReadJsonAsync(http);
            return body.Problem
                ?? ServiceResults.ToHttp(http, await submit(body.Bytes), accepted => Results.Json(accepted, ApiJson.Options, statusCode: StatusCodes.Status202Accepted));
        });

    /// <summary>Runs a Gateway handler unless the client address or the link is over its rate limit; no answer is cached.</summary>
    private static Task<IResult> LimitedAsync(HttpContext http, string token, Func<Task<IResult>> handle, bool passcodeAttempt = false)
    {
        NoStore(http);
        return http.RequestServices.GetRequiredService<RequestRateLimiter>().ForLink(http, token, passcodeAttempt) is { } limited
            ? Task.FromResult(limited)
            : handle();
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
