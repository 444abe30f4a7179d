using LinX.Api.Gateway;
using LinX.Api.Resources;
using LinX.Api.Webhooks;
using LinX.Api.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LinX.Api;

/// <summary>Maps every LinX route of DESIGN.md §7 onto the host-neutral handlers.</summary>
public static class LinXApiEndpoints
{
    public static IEndpointRouteBuilder MapLinXApi(this IEndpointRouteBuilder app)
    {
        var business = app.MapGroup("/api/linx").WithTags("Business API");
        business.MapPost("/workflows", (Func<HttpContext, Task<IResult>>)WorkflowEndpoints.CreateAsync).WithName("CreateWorkflow");
        business.MapGet("/workflows", (Func<HttpContext, Task<IResult>>)WorkflowEndpoints.SearchAsync).WithName("SearchWorkflows");
        business.MapGet("/workflows/{id}", WorkflowEndpoints.GetAsync).WithName("GetWorkflow");
        business.MapPost("/workflows/{id}/cancel", WorkflowEndpoints.CancelAsync).WithName("CancelWorkflow");
        business.MapPost("/workflows/{id}/resend", WorkflowEndpoints.ResendAsync).WithName("ResendWorkflow");
        business.MapPost("/workflows/{id}/extend", WorkflowEndpoints.ExtendAsync).WithName("ExtendWorkflow");
        business.MapGet("/workflows/{id}/notifications", WorkflowEndpoints.NotificationsAsync).WithName("GetWorkflowNotifications");
        business.MapGet("/payment-reasons", (Func<HttpContext, Task<IResult>>)ResourceEndpoints.PaymentReasonsAsync).WithName("GetPaymentReasons");
        business.MapGet("/customers/{id}", ResourceEndpoints.CustomerAsync).WithName("GetCustomer");
        business.MapGet("/financial-accounts/{id}", ResourceEndpoints.FinancialAccountAsync).WithName("GetFinancialAccount");
        business.MapGet("/transactions/{id}", ResourceEndpoints.TransactionAsync).WithName("GetTransaction");

        var webhooks = app.MapGroup("/api/linx/webhook-subscriptions").WithTags("Webhooks");
        webhooks.MapPost(string.Empty, (Func<HttpContext, Task<IResult>>)WebhookSubscriptionEndpoints.CreateAsync).WithName("CreateWebhookSubscription");
        webhooks.MapGet(string.Empty, (Func<HttpContext, Task<IResult>>)WebhookSubscriptionEndpoints.ListAsync).WithName("ListWebhookSubscriptions");
        webhooks.MapGet("/{id}", WebhookSubscriptionEndpoints.GetAsync).WithName("GetWebhookSubscription");
        webhooks.MapPut("/{id}", WebhookSubscriptionEndpoints.UpdateAsync).WithName("UpdateWebhookSubscription");
        webhooks.MapDelete("/{id}", WebhookSubscriptionEndpoints.DeleteAsync).WithName("DeleteWebhookSubscription");
        webhooks.MapPost("/{id}/suspend", WebhookSubscriptionEndpoints.SuspendAsync).WithName("SuspendWebhookSubscription");
        webhooks.MapPost("/{id}/resume", WebhookSubscriptionEndpoints.ResumeAsync).WithName("ResumeWebhookSubscription");
        webhooks.MapPost("/{id}/rotate-secret", WebhookSubscriptionEndpoints.RotateSecretAsync).WithName("RotateWebhookSecret");
        webhooks.MapGet("/{id}/deliveries", WebhookSubscriptionEndpoints.DeliveriesAsync).WithName("ListWebhookDeliveries");
        webhooks.MapPost("/{id}/deliveries/{eventId}/redeliver", WebhookSubscriptionEndpoints.RedeliverAsync).WithName("RedeliverWebhookEvent");

        var gateway = app.MapGroup("/api/gateway/{token}").WithTags("Gateway").ExcludeFromDescription();
        gateway.MapGet(string.Empty, GatewayEndpoints.ViewAsync);
        gateway.MapPost("/passcode", GatewayEndpoints.PasscodeAsync);
        gateway.MapPost("/steps/{stepName}", GatewayEndpoints.SubmitStepAsync);
        gateway.MapPost("/decline", GatewayEndpoints.DeclineAsync);

        app.MapGet("/linx/assets/{file}", GatewayPage.Asset).ExcludeFromDescription();
        app.MapGet("/linx/{token}", GatewayPage.Page).ExcludeFromDescription();
        return app;
    }
}
