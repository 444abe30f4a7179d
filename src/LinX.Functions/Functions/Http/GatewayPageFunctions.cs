using LinX.Api.Gateway;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions.Http;

/// <summary>
/// HTTP triggers of the customer's Gateway page and its assets, outside <c>/api</c> (host.json's
/// <c>routePrefix</c> is empty, so these are the same URLs as on the local host), onto <see cref="GatewayPage"/>.
/// </summary>
public static class GatewayPageFunctions
{
    // The token stays in the route only so that the page's URL is {PublicBaseUrl}/linx/{token}: the page's
    // script reads it from the URL, the server never needs it here.
    [Function("GatewayPage")]
    public static IResult Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "linx/{token}")] HttpRequest req) =>
        GatewayPage.Page(req.HttpContext);

    [Function("GatewayAsset")]
    public static IResult Asset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "linx/assets/{file}")] HttpRequest req, string file) =>
        GatewayPage.Asset(req.HttpContext, file);
}
