using LinX.Api.Health;
using LinX.Functions.Durable;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace LinX.Functions.Functions.Http;

/// <summary>
/// HTTP triggers of the health endpoints onto <see cref="HealthEndpoints"/>, at the same URLs as on the local host
/// (host.json's <c>routePrefix</c> is empty). Anonymous: a probe has no key. Ready binds this invocation's Durable
/// client, the one its durable-backend check asks.
/// </summary>
public static class HealthFunctions
{
    [Function("HealthLive")]
    public static IResult Live(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/live")] HttpRequest req) =>
        HealthEndpoints.Live(req.HttpContext);

    [Function("HealthReady")]
    public static Task<IResult> ReadyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/ready")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        HealthEndpoints.ReadyAsync(req.BindDurableClient(client));
}
