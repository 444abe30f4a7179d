using LinX.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Api.Http;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c> for the business API and the admin API alike: the key's rate limit is
/// taken before the lookup (unknown keys are limited too, before they cost a storage read), a client address that
/// keeps failing (a new key each time) is stopped by its failed-authentication limit, and every failure counts there.
/// </summary>
internal static class BearerAuthentication
{
    public static async Task<IResult> RunAsync<TCaller>(
        HttpContext http, Func<string?, Task<TCaller?>> authenticate, string unauthorized, Func<TCaller, Task<IResult>> handle)
        where TCaller : class
    {
        var header = http.Request.Headers.Authorization.ToString();
        var key = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        var limiter = http.RequestServices.GetRequiredService<RequestRateLimiter>();
        if ((limiter.ForApiKey(http, key) ?? limiter.ForAuthenticationFailures(http)) is { } limited)
        {
            return limited;
        }

        if (await authenticate(key) is not { } caller)
        {
            limiter.CountAuthenticationFailure(http);
            return ProblemResults.Unauthorized(http, unauthorized);
        }

        return await handle(caller);
    }
}
