using LinX.Api.Gateway;
using LinX.Functions.Orchestration;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace LinX.Functions.Functions.Http;

/// <summary>
/// HTTP triggers of the customer's Gateway API (<c>/api/gateway/{token}...</c>), one line each onto
/// <see cref="GatewayEndpoints"/>. Passcode, step submissions and decline bind this invocation's Durable client
/// first: they raise the workflow's event. The view only reads.
/// </summary>
public sealed class GatewayFunctions
{
    private readonly InvocationOrchestrationClient _orchestrations;

    public GatewayFunctions(InvocationOrchestrationClient orchestrations) => _orchestrations = orchestrations;

    [Function("GetGatewayView")]
    public static Task<IResult> ViewAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/gateway/{token}")] HttpRequest req, string token) =>
        GatewayEndpoints.ViewAsync(req.HttpContext, token);

    [Function("VerifyGatewayPasscode")]
    public Task<IResult> PasscodeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/gateway/{token}/passcode")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string token) =>
        GatewayEndpoints.PasscodeAsync(Bind(req, client), token);

    [Function("SubmitGatewayStep")]
    public Task<IResult> SubmitStepAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/gateway/{token}/steps/{stepName}")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string token,
        string stepName) =>
        GatewayEndpoints.SubmitStepAsync(Bind(req, client), token, stepName);

    [Function("DeclineGatewayWorkflow")]
    public Task<IResult> DeclineAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/gateway/{token}/decline")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string token) =>
        GatewayEndpoints.DeclineAsync(Bind(req, client), token);

    private HttpContext Bind(HttpRequest req, DurableTaskClient client)
    {
        _orchestrations.Use(client);
        return req.HttpContext;
    }
}
