using LinX.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions.Http;

/// <summary>
/// Every request under <c>api/</c> that no other function takes (an unknown route, or a known one with a method it does not
/// take) answers problem details with <c>NOT_FOUND</c>, as on the local host, instead of the Functions host's empty 404.
/// The host matches literal segments before a catch-all, so this never shadows a LinX route.
/// </summary>
public static class UnmatchedRouteFunctions
{
    [Function("UnmatchedApiRoute")]
    public static IResult NotFound(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", Route = "api/{*path}")] HttpRequest req) =>
        ProblemResults.NotFound(req.HttpContext, "No such route: check the path and method against the API reference.");
}
