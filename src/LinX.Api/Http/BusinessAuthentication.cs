using LinX.Core.Businesses;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Api.Http;

/// <summary>
/// Business API authentication: <c>Authorization: Bearer &lt;api key&gt;</c>, resolved to one business. Every business
/// handler runs inside <see cref="RunAsync"/>, so no route can forget the check, nor the rate limits of
/// <see cref="BearerAuthentication"/>. An admin key is no business key: it answers 401 here.
/// </summary>
public static class BusinessAuthentication
{
    public static Task<IResult> RunAsync(HttpContext http, Func<Business, Task<IResult>> handle) =>
        BearerAuthentication.RunAsync(
            http,
            key => http.RequestServices.GetRequiredService<ApiKeyAuthenticator>().AuthenticateAsync(key, http.RequestAborted),
            "A valid API key is required: Authorization: Bearer <key>.",
            handle);
}
