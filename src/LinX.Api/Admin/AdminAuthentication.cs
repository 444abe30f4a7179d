using LinX.Api.Http;
using LinX.Core.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Api.Admin;

/// <summary>
/// Admin API authentication: <c>Authorization: Bearer &lt;admin key&gt;</c>, checked against <c>LinX:Admin:ApiKeyHashes</c>
/// with the same rate limits as the business API. With no admin key configured every call is 401, like a wrong key:
/// the answer does not tell whether the admin API is turned on, and clients see one behaviour in every deployment.
/// A business API key is never an admin key.
/// </summary>
public static class AdminAuthentication
{
    public static Task<IResult> RunAsync(HttpContext http, Func<AdminCaller, Task<IResult>> handle) =>
        BearerAuthentication.RunAsync(
            http,
            key => Task.FromResult(http.RequestServices.GetRequiredService<AdminAuthenticator>().Authenticate(key)),
            "A valid admin key is required: Authorization: Bearer <admin key>.",
            handle);
}
