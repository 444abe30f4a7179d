using LinX.Api.Problems;
using LinX.Core.Businesses;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Api.Http;

/// <summary>
/// Business API authentication: <c>Authorization: Bearer &lt;api key&gt;</c>, resolved to one business.
/// Every business handler runs inside <see cref="RunAsync"/>, so no route can forget the check, nor the API key's
/// rate limit, which is taken before the lookup: unknown keys are limited too, before they cost a storage read; and a
/// client address that keeps failing (a new key each time) is stopped by its failed-authentication limit.
/// </summary>
public static class BusinessAuthentication
{
    public static async Task<IResult> RunAsync(HttpContext http, Func<Business, Task<IResult>> handle)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var key = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        var limiter = http.RequestServices.GetRequiredService<RequestRateLimiter>();
        if ((limiter.ForApiKey(http, key) ?? limiter.ForAuthenticationFailures(http)) is { } limited)
        {
            return limited;
        }

        var business = await http.RequestServices.GetRequiredService<ApiKeyAuthenticator>().AuthenticateAsync(key, http.RequestAborted);
        if (business is null)
        {
            limiter.CountAuthenticationFailure(http);
            return ProblemResults.Unauthorized(http);
        }

        return await handle(business);
    }
}
