using LinX.Api.Batches;
using LinX.Api.Gateway;
using LinX.Api.OpenApi;
using LinX.Api.Resources;
using LinX.Api.SmsOptOuts;
using LinX.Api.Webhooks;
using LinX.Api.Workflows;
using LinX.Core.Batches;
using LinX.Core.Common;
using LinX.Core.Management;
using LinX.Core.SmsOptOuts;
using LinX.Core.Webhooks;
using LinX.Core.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LinX.Api;

/// <summary>Maps every LinX route of DESIGN.md §7 onto the host-neutral handlers.</summary>
public static class LinXApiEndpoints
{
    public static IEndpointRouteBuilder MapLinXApi(this IEndpointRouteBuilder app)
    {
        var business = app.MapGroup("/api/linx").WithTags("Business API").DocumentedAsBusinessApi();
        business.MapPost("/workflows", (Func<HttpContext, Task<IResult>>)WorkflowEndpoints.CreateAsync).WithName("CreateWorkflow")
            .WithSummary("Create a workflow")
            .WithDescription(WorkflowContractDescription.Text)
            .ReadsJson<WorkflowRequest>("The request breaks the contract (errors lists every problem), is not JSON or is larger than 64 KiB, or the Idempotency-Key header is malformed.")
            .WithRequestExamples(WorkflowRequestExamples.All)
            .WithIdempotencyKeyHeader()
            .Responds<CreateWorkflowResponse>(StatusCodes.Status202Accepted, "Stored and started; with a replayed Idempotency-Key, the same workflow again.")
            .WithResponseHeader(StatusCodes.Status202Accepted, "Location", "The workflow: /api/linx/workflows/{workflowId}.")
            .RespondsProblem(StatusCodes.Status409Conflict, "The Idempotency-Key was used with another body (IDEMPOTENCY_KEY_REUSED).")
            .RespondsProblem(StatusCodes.Status422UnprocessableEntity, "The request names a customer or account the business does not have, or a phone number of a country it may not text.");
        business.MapGet("/workflows", (Func<HttpContext, Task<IResult>>)WorkflowEndpoints.SearchAsync).WithName("SearchWorkflows")
            .WithSummary("Search workflows")
            .WithDescription("The business's workflows, newest first (or oldest first), found by full text over the workflow id and the customer's first name, last name, e-mail and phone, and by status and template, one page at a time. Read from an index of their own: a page costs the same whatever the number of workflows; pages end at the first 10,000 matches.")
            .WithWorkflowSearchQuery()
            .Responds<SearchPage<WorkflowDetails>>(StatusCodes.Status200OK, "One page of workflows (without their consents), with totalElements counted up to 10,000 (totalElementsExact false beyond).")
            .RespondsInvalidQuery();
        business.MapGet("/workflows/{id}", WorkflowEndpoints.GetAsync).WithName("GetWorkflow")
            .WithSummary("Get a workflow")
            .WithDescription("The workflow's status, its steps with their status and masked data, the current step, expiry, next notification, the ids of what it created and, under consents, what the customer accepted, when and from where.")
            .RespondsOkOrNotFound<WorkflowDetails>("The workflow.", "workflow");
        business.MapPost("/workflows/{id}/cancel", WorkflowEndpoints.CancelAsync).WithName("CancelWorkflow")
            .WithSummary("Cancel a workflow")
            .WithDescription("Asks the orchestrator to cancel the workflow: its status becomes CANCELLED and the customer's link stops working. Takes no body.")
            .RespondsAsWorkflowCommand("Handed to the orchestrator.")
            .RespondsProblem(StatusCodes.Status409Conflict, "The workflow has ended (WORKFLOW_NOT_ACTIVE), or the customer has already accepted it (WORKFLOW_ALREADY_ACCEPTED).");
        business.MapPost("/workflows/{id}/resend", WorkflowEndpoints.ResendAsync).WithName("ResendWorkflow")
            .WithSummary("Text the link again")
            .WithDescription("Sends the customer the SMS with the link again (origin MANUAL): at most once a minute and 5 times a day. Takes no body.")
            .RespondsAsWorkflowCommand("Handed to the orchestrator.")
            .RespondsProblem(StatusCodes.Status409Conflict, "The workflow has ended (WORKFLOW_NOT_ACTIVE), its link is handed over by the business (LINK_DELIVERED_BY_BUSINESS), or locked after too many wrong passcodes (WORKFLOW_LOCKED: set a new passcode first).")
            .RespondsProblem(StatusCodes.Status429TooManyRequests, "The link was texted again too often (RESEND_LIMIT_REACHED), or too many requests; retry after Retry-After seconds.");
        business.MapPost("/workflows/{id}/new-passcode", WorkflowEndpoints.NewPasscodeAsync).WithName("NewWorkflowPasscode")
            .WithSummary("Set a new passcode")
            .WithDescription("For a workflow created with passcode: true: a new 6-digit passcode, returned this once (only its hash is stored). The failed attempts start again and a locked link is unlocked, so resend works again; the old passcode stops working. Takes no body.")
            .Responds<WorkflowPasscode>(StatusCodes.Status200OK, "The new passcode; give it to the customer.")
            .RespondsProblem(StatusCodes.Status409Conflict, "The workflow was created without a passcode (PASSCODE_NOT_USED), or has ended (WORKFLOW_NOT_ACTIVE).")
            .RespondsNotFound("workflow");
        business.MapPost("/workflows/{id}/extend", WorkflowEndpoints.ExtendAsync).WithName("ExtendWorkflow")
            .WithSummary("Extend a workflow")
            .WithDescription("Moves the expiry to expireAt, or by hours from the current expiry (exactly one of them): later than the current expiry and at most 365 days after creation.")
            .ReadsJson<ExtendWorkflowRequest>("Neither or both of expireAt and hours, a value out of range, an expiry not later than the current one or past 365 days after creation, an unknown field, or a body that is not JSON.")
            .RespondsAsWorkflowCommand("Handed to the orchestrator, with the new expiry.")
            .RespondsProblem(StatusCodes.Status409Conflict, "The workflow has ended (WORKFLOW_NOT_ACTIVE).");
        business.MapGet("/workflows/{id}/notifications", WorkflowEndpoints.NotificationsAsync).WithName("GetWorkflowNotifications")
            .WithSummary("List a workflow's notifications")
            .WithDescription("The SMS history of the workflow: serial, channel, origin (INITIAL, MANUAL, REMINDER, EXPIRY), notifiedBy (service-account for a resend through the API, internal otherwise), notifiedAt, status (SENT or SKIPPED with its skipReason), the masked number and the provider's message id.")
            .RespondsOkOrNotFound<IReadOnlyList<NotificationView>>("The notifications, oldest first.", "workflow");
        business.MapGet("/payment-reasons", (Func<HttpContext, Task<IResult>>)ResourceEndpoints.PaymentReasonsAsync).WithName("GetPaymentReasons")
            .WithSummary("List payment reasons")
            .WithDescription("The catalog of reasons a move-money step names in paymentReasonId.")
            .Responds<IReadOnlyList<PaymentReason>>(StatusCodes.Status200OK, "Every payment reason, in display order.");
        business.MapGet("/customers", (Func<HttpContext, Task<IResult>>)ResourceEndpoints.CustomersAsync).WithName("ListCustomers")
            .WithSummary("List or search customers")
            .WithDescription("The business's customers in full, newest first, or those found by e-mail, phone number or name words, one page at a time (pass nextPageToken as pageToken).")
            .WithCustomerListQuery()
            .Responds<CustomerListView>(StatusCodes.Status200OK, "One page of customers and the token of the next (null on the last page).")
            .RespondsInvalidQuery();
        business.MapGet("/customers/{id}", ResourceEndpoints.CustomerAsync).WithName("GetCustomer")
            .WithSummary("Get a customer")
            .WithDescription("A customer of the business in full (contact details, date of birth, address), created or confirmed by a workflow.")
            .RespondsOkOrNotFound<CustomerView>("The customer.", "customer");
        business.MapGet("/financial-accounts/{id}", ResourceEndpoints.FinancialAccountAsync).WithName("GetFinancialAccount")
            .WithSummary("Get a financial account")
            .WithDescription("A financial account of the business or of one of its customers: never its number, only brand, last 4 digits and expiry of a card, or routing number and last 4 digits of a bank account.")
            .RespondsOkOrNotFound<FinancialAccountView>("The financial account.", "financial account");
        business.MapGet("/transactions/{id}", ResourceEndpoints.TransactionAsync).WithName("GetTransaction")
            .WithSummary("Get a transaction")
            .WithDescription("A transaction created by a move-money step, with its status.")
            .RespondsOkOrNotFound<TransactionView>("The transaction.", "transaction");

        MapBatches(app);

        var webhooks = app.MapGroup("/api/linx/webhook-subscriptions").WithTags("Webhooks").DocumentedAsBusinessApi();
        const string WebhookBodyProblem = "The url, eventTypes or description is invalid (errors names each), or the body is not JSON.";
        webhooks.MapPost(string.Empty, (Func<HttpContext, Task<IResult>>)WebhookSubscriptionEndpoints.CreateAsync).WithName("CreateWebhookSubscription")
            .WithSummary("Create a webhook subscription")
            .WithDescription("Subscribes a URL of the business to event types; LinX signs every delivery with the subscription's secret (see docs/webhooks.md). The answer carries the secret: only here and on rotate-secret.")
            .ReadsJson<WebhookSubscriptionRequestBody>(WebhookBodyProblem)
            .Responds<WebhookSubscriptionView>(StatusCodes.Status201Created, "The subscription, with its signing secret.")
            .WithResponseHeader(StatusCodes.Status201Created, "Location", "The subscription: /api/linx/webhook-subscriptions/{id}.")
            .RespondsProblem(StatusCodes.Status409Conflict, "The business has as many subscriptions as it may.");
        webhooks.MapGet(string.Empty, (Func<HttpContext, Task<IResult>>)WebhookSubscriptionEndpoints.ListAsync).WithName("ListWebhookSubscriptions")
            .WithSummary("List webhook subscriptions")
            .WithDescription("The business's subscriptions, without their secrets.")
            .Responds<IReadOnlyList<WebhookSubscriptionView>>(StatusCodes.Status200OK, "The subscriptions.");
        webhooks.MapGet("/{id}", WebhookSubscriptionEndpoints.GetAsync).WithName("GetWebhookSubscription")
            .WithSummary("Get a webhook subscription")
            .WithDescription("One subscription, without its secret.")
            .RespondsWithSubscription("The subscription.");
        webhooks.MapPut("/{id}", WebhookSubscriptionEndpoints.UpdateAsync).WithName("UpdateWebhookSubscription")
            .WithSummary("Replace a webhook subscription")
            .WithDescription("Replaces the url, event types and description (the same body as create); the secret stays.")
            .ReadsJson<WebhookSubscriptionRequestBody>(WebhookBodyProblem)
            .RespondsWithSubscription("The subscription.");
        webhooks.MapDelete("/{id}", WebhookSubscriptionEndpoints.DeleteAsync).WithName("DeleteWebhookSubscription")
            .WithSummary("Delete a webhook subscription")
            .WithDescription("No event is delivered to it any more.")
            .RespondsEmpty(StatusCodes.Status204NoContent, "Deleted.")
            .RespondsNotFound("webhook subscription");
        webhooks.MapPost("/{id}/suspend", WebhookSubscriptionEndpoints.SuspendAsync).WithName("SuspendWebhookSubscription")
            .WithSummary("Suspend a webhook subscription")
            .WithDescription("No new events are delivered until it is resumed. Takes no body.")
            .RespondsWithSubscription("The subscription, SUSPENDED.");
        webhooks.MapPost("/{id}/resume", WebhookSubscriptionEndpoints.ResumeAsync).WithName("ResumeWebhookSubscription")
            .WithSummary("Resume a webhook subscription")
            .WithDescription("Events are delivered again. Takes no body.")
            .RespondsWithSubscription("The subscription, ACTIVE.");
        webhooks.MapPost("/{id}/rotate-secret", WebhookSubscriptionEndpoints.RotateSecretAsync).WithName("RotateWebhookSecret")
            .WithSummary("Rotate a webhook subscription's secret")
            .WithDescription("A new signing secret, answered once; the previous one keeps signing too until previousSecretExpiresAt. Takes no body.")
            .RespondsWithSubscription("The subscription, with its new secret.");
        webhooks.MapGet("/{id}/deliveries", WebhookSubscriptionEndpoints.DeliveriesAsync).WithName("ListWebhookDeliveries")
            .WithSummary("List a webhook subscription's deliveries")
            .WithDescription("The delivery log, newest first: each event with its attempts (status code, latency, error).")
            .RespondsOkOrNotFound<IReadOnlyList<WebhookDeliveryView>>("The deliveries.", "webhook subscription");
        webhooks.MapPost("/{id}/deliveries/{eventId}/redeliver", WebhookSubscriptionEndpoints.RedeliverAsync).WithName("RedeliverWebhookEvent")
            .WithSummary("Deliver a webhook event again")
            .WithDescription("The event goes out again, with a new signature. Takes no body.")
            .Responds<WebhookRedeliveryAccepted>(StatusCodes.Status202Accepted, "Queued for delivery.")
            .RespondsNotFound("webhook subscription or event")
            .RespondsProblem(StatusCodes.Status409Conflict, "The subscription is suspended; resume it first.");

        var optOuts = app.MapGroup("/api/linx/sms-opt-outs").WithTags("SMS opt-outs").DocumentedAsBusinessApi();
        optOuts.MapGet(string.Empty, (Func<HttpContext, Task<IResult>>)SmsOptOutEndpoints.ListAsync).WithName("ListSmsOptOuts")
            .WithSummary("List SMS opt-outs")
            .WithDescription("The numbers LinX never texts for the business (they replied STOP, or the business added them), one page at a time (pass nextPageToken as pageToken).")
            .WithSmsOptOutListQuery()
            .Responds<SmsOptOutListView>(StatusCodes.Status200OK, "One page of opt-outs and the token of the next (null on the last page).")
            .RespondsInvalidQuery();
        optOuts.MapPost(string.Empty, (Func<HttpContext, Task<IResult>>)SmsOptOutEndpoints.AddAsync).WithName("AddSmsOptOut")
            .WithSummary("Add an SMS opt-out")
            .WithDescription("LinX stops texting the number for the business: a workflow for it is refused with 422 PHONE_OPTED_OUT and running workflows send it no more reminders. Idempotent: the same number again answers the same opt-out (200).")
            .ReadsJson<SmsOptOutRequest>("The phoneNumber is missing or not a mobile number in international form, an unknown field, or the body is not JSON.")
            .Responds<SmsOptOutView>(StatusCodes.Status201Created, "Added.")
            .Responds<SmsOptOutView>(StatusCodes.Status200OK, "The number was listed already.");
        optOuts.MapDelete("/{id}", SmsOptOutEndpoints.RemoveAsync).WithName("RemoveSmsOptOut")
            .WithSummary("Remove an SMS opt-out")
            .WithDescription("LinX may text the number for the business again. The id is the opt-out's, from the list: no phone number in the URL.")
            .RespondsEmpty(StatusCodes.Status204NoContent, "Removed.")
            .RespondsNotFound("SMS opt-out");
        app.MapPost(InboundSmsEndpoints.Route, (Func<HttpContext, Task<IResult>>)InboundSmsEndpoints.ReceiveAsync).ExcludeFromDescription();

        Admin.AdminEndpoints.MapLinXAdmin(app);
        Branding.BusinessProfileEndpoints.MapLinXBusinessProfile(app);
        Documents.BusinessDocumentEndpoints.MapLinXBusinessDocuments(app);
        Templates.TemplateRoutes.MapLinXTemplates(app);

        var gateway = app.MapGroup("/api/gateway/{token}").WithTags("Gateway").ExcludeFromDescription();
        gateway.MapGet(string.Empty, GatewayEndpoints.ViewAsync);
        gateway.MapPost("/passcode", GatewayEndpoints.PasscodeAsync);
        gateway.MapPost("/steps/{stepName}", GatewayEndpoints.SubmitStepAsync);
        gateway.MapPost("/decline", GatewayEndpoints.DeclineAsync);
        gateway.MapPost("/retry", GatewayEndpoints.RetryAsync);

        app.MapGet("/linx/assets/{file}", GatewayPage.Asset).ExcludeFromDescription();
        app.MapGet("/linx/{token}", GatewayPage.Page).ExcludeFromDescription();
        return app;
    }

    private static void MapBatches(IEndpointRouteBuilder app)
    {
        var batches = app.MapGroup("/api/linx/workflow-batches").WithTags("Batches").DocumentedAsBusinessApi();
        batches.MapPost(string.Empty, (Func<HttpContext, Task<IResult>>)BatchEndpoints.CreateAsync).WithName("CreateWorkflowBatch")
            .WithSummary("Create a batch of workflows")
            .WithDescription("Up to 10,000 workflows from one template in one call. Answers at once with the batch id: the header is checked now; each entry is then validated with the rules of a workflow from that template (an invalid entry is REJECTED with its fieldErrors, the others run) and started at a bounded rate. The body may be up to 8 MiB.")
            .ReadsJson<BatchRequestBody>("The header is invalid (errors lists every problem: template, requestsInBatch, idempotencyKey, an entry that is not an object), requestsInBatch differs from the number of entries, the body is not JSON or is larger than 8 MiB.")
            .Responds<BatchAccepted>(StatusCodes.Status202Accepted, "Stored and scheduled; with a replayed idempotencyKey and the same body, the same batch again.")
            .WithResponseHeader(StatusCodes.Status202Accepted, "Location", "The batch: /api/linx/workflow-batches/{batchId}.")
            .RespondsProblem(StatusCodes.Status409Conflict, "The idempotencyKey was used with another body (IDEMPOTENCY_KEY_REUSED).")
            .RespondsProblem(StatusCodes.Status422UnprocessableEntity, "The business has no ACTIVE template of this id or name.");
        batches.MapGet(string.Empty, (Func<HttpContext, Task<IResult>>)BatchEndpoints.ListAsync).WithName("ListWorkflowBatches")
            .WithSummary("List batches")
            .WithDescription("The business's batches with their counts, newest first, optionally of one status, one page at a time.")
            .WithBatchListQuery<BatchStatus>("Only batches in this status.")
            .Responds<ResultPage<BatchDetails>>(StatusCodes.Status200OK, "One page of batches and the total count.")
            .RespondsInvalidQuery();
        batches.MapGet("/{id}", BatchEndpoints.GetAsync).WithName("GetWorkflowBatch")
            .WithSummary("Get a batch")
            .WithDescription("The batch's status, its template version and the counts of its workflows by status (active, cancelled, completed, declined, expired, failed), of its rejected and pending entries, and the total.")
            .RespondsOkOrNotFound<BatchDetails>("The batch.", "batch");
        batches.MapGet("/{id}/entries", BatchEndpoints.EntriesAsync).WithName("ListWorkflowBatchEntries")
            .WithSummary("List a batch's entries")
            .WithDescription("The entries in position order, optionally of one status: REJECTED ones with their fieldErrors, PENDING ones not started yet, STARTED ones with their workflow's id and status, CANCELLED ones stopped by a cancel before they started.")
            .WithBatchListQuery<BatchEntryStatus>("Only entries in this status.")
            .Responds<ResultPage<BatchEntryView>>(StatusCodes.Status200OK, "One page of entries and how many match.")
            .RespondsInvalidQuery()
            .RespondsNotFound("batch");
        batches.MapPost("/{id}/cancel", BatchEndpoints.CancelAsync).WithName("CancelWorkflowBatch")
            .WithSummary("Cancel a batch")
            .WithDescription("The batch becomes CANCELLING: no entry not yet started will start, and its started workflows are cancelled as by the workflow's cancel (one whose customer already accepted, or that has ended, stays as it is). Cancelling again changes nothing. Takes no body.")
            .Responds<BatchDetails>(StatusCodes.Status202Accepted, "The batch, CANCELLING.")
            .RespondsProblem(StatusCodes.Status409Conflict, "The batch is INVALID or FAILED: nothing of it runs (BATCH_NOT_CANCELLABLE).")
            .RespondsNotFound("batch");
    }

    // Cancel, resend, extend: 202 with the command handed to the orchestrator, or 404.
    private static RouteHandlerBuilder RespondsAsWorkflowCommand(this RouteHandlerBuilder builder, string accepted) =>
        builder.Responds<WorkflowCommandAccepted>(StatusCodes.Status202Accepted, accepted).RespondsNotFound("workflow");

    // The routes of one subscription: 200 with it, or 404.
    private static RouteHandlerBuilder RespondsWithSubscription(this RouteHandlerBuilder builder, string answer) =>
        builder.RespondsOkOrNotFound<WebhookSubscriptionView>(answer, "webhook subscription");
}
