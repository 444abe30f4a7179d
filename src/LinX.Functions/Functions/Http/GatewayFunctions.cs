using LinX.Api.Gateway;
using LinX.Functions.Durable;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace LinX.Functions.Functions.Http;

/// <summary>
/// HTTP triggers of the customer's Gateway API (<c>/api/gateway/{token}...</c>), one line each onto
/// <see cref="GatewayEndpoints"/>. Each binds this invocation's Durable client: <c>GatewayService</c> raises the
/// workflow's event, and takes the client even where a handler only reads.
/// </summary>
public static class GatewayFunctions
{
    [Function("GetGatewayView")]
    public static Task<IResult> ViewAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/gateway/{token}")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string token) =>
        GatewayEndpoints.ViewAsync(req.BindDurableClient(client), token);

    [Function("VerifyGatewayPasscode")]
    public static Task<IResult> PasscodeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/gateway/{token}/passcode")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string token) =>
        GatewayEndpoints.PasscodeAsync(req.BindDurableClient(client), token);

    [Function("SubmitGatewayStep")]
    public static Task<IResult> SubmitStepAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/gateway/{token}/steps/{stepName}")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string token,
        string stepName) =>
        GatewayEndpoints.SubmitStepAsync(req.BindDurableClient(client), token, stepName);

    [Function("DeclineGatewayWorkflow")]
    public static Task<IResult> DeclineAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/gateway/{token}/decline")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string token) =>
        GatewayEndpoints.DeclineAsync(req.BindDurableClient(client), token);

    [Function("RetryGatewayPayment")]
    public static Task<IResult> RetryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/gateway/{token}/retry")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string token) =>
        GatewayEndpoints.RetryAsync(req.BindDurableClient(client), token);
}
