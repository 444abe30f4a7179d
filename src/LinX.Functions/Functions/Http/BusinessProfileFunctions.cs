using LinX.Api.Branding;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions.Http;

/// <summary>HTTP triggers of the business's profile and logo and of the logo LinX serves, one line each onto <see cref="BusinessProfileEndpoints"/>.</summary>
public static class BusinessProfileFunctions
{
    [Function("GetBusinessProfile")]
    public static Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/linx/business/profile")] HttpRequest req) =>
        BusinessProfileEndpoints.GetAsync(req.HttpContext);

    [Function("UpdateBusinessProfile")]
    public static Task<IResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/linx/business/profile")] HttpRequest req) =>
        BusinessProfileEndpoints.UpdateAsync(req.HttpContext);

    [Function("SetBusinessLogo")]
    public static Task<IResult> SetLogoAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/linx/business/profile/logo")] HttpRequest req) =>
        BusinessProfileEndpoints.SetLogoAsync(req.HttpContext);

    [Function("DeleteBusinessLogo")]
    public static Task<IResult> DeleteLogoAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/linx/business/profile/logo")] HttpRequest req) =>
        BusinessProfileEndpoints.DeleteLogoAsync(req.HttpContext);

    // Anonymous by design: the Gateway page's <img> sends no key; the URL names the business and the logo's hash.
    [Function("BrandLogo")]
    public static Task<IResult> LogoAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "linx/brand/{businessId}/logo/{sha256}")] HttpRequest req, string businessId, string sha256) =>
        BusinessProfileEndpoints.LogoAsync(req.HttpContext, businessId, sha256);
}
