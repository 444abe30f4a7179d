using LinX.Core.Accounts;
using LinX.Core.Batches;
using LinX.Core.Businesses;
using LinX.Core.Common;
using LinX.Core.Consent;
using LinX.Core.Customers;
using LinX.Core.Documents;
using LinX.Core.Notifications;
using LinX.Core.Orchestration;
using LinX.Core.Payments;
using LinX.Core.Security;
using LinX.Core.SmsOptOuts;
using LinX.Core.Templates;
using LinX.Core.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LinX.Core.Management;

/// <summary>
/// The business side of workflows. Every read and write is tenant-checked: another business's workflow is
/// <see cref="ServiceOutcome.NotFound"/>.
/// </summary>
public sealed class WorkflowService
{
    /// <summary>Where problems of the Idempotency-Key header point (paths of headers start with <c>headers.</c>).</summary>
    public const string IdempotencyKeyPath = "headers.Idempotency-Key";

    private const int MaxBodyBytes = 64 * 1024;
    private const int MaxConcurrencyRetries = 5;
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);

    private readonly IWorkflowStore _workflows;
    private readonly ILinkTokenStore _linkTokens;
    private readonly ICustomerStore _customers;
    private readonly IFinancialAccountStore _accounts;
    private readonly INotificationStore _notifications;
    private readonly IConsentStore _consents;
    private readonly IResendQuota _resends;
    private readonly ISmsOptOutStore _optOuts;
    private readonly DocumentPinning _documents;
    private readonly TemplateService _templates;
    private readonly DurableTaskClient _orchestrations;
    private readonly LinXCrypto _crypto;
    private readonly SmsComposer _composer;
    private readonly LinXOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WorkflowService> _logger;

    public WorkflowService(
        IWorkflowStore workflows,
        ILinkTokenStore linkTokens,
        ICustomerStore customers,
        IFinancialAccountStore accounts,
        INotificationStore notifications,
        IConsentStore consents,
        IResendQuota resends,
        ISmsOptOutStore optOuts,
        DocumentPinning documents,
        TemplateService templates,
        DurableTaskClient orchestrations,
        LinXCrypto crypto,
        SmsComposer composer,
        IOptions<LinXOptions> options,
        TimeProvider time,
        ILogger<WorkflowService> logger)
    {
        _workflows = workflows;
        _linkTokens = linkTokens;
        _customers = customers;
        _accounts = accounts;
        _notifications = notifications;
        _consents = consents;
        _resends = resends;
        _optOuts = optOuts;
        _documents = documents;
        _templates = templates;
        _orchestrations = orchestrations;
        _crypto = crypto;
        _composer = composer;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Validates, checks references, stores and schedules a workflow. Nothing is persisted for a rejected request.
    /// The same Idempotency-Key and body return the same workflow (and re-do the token index and the schedule, both
    /// idempotent); the same key with another body is a Conflict.
    /// </summary>
    public async Task<ServiceResult<WorkflowCreated>> CreateAsync(
        Business business, ReadOnlyMemory<byte> body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && !IsValidIdempotencyKey(idempotencyKey))
        {
            return ServiceResult.Fail<WorkflowCreated>(ServiceOutcome.Invalid, new FieldError(
                IdempotencyKeyPath, "Idempotency-Key must be 6 to 255 visible ASCII characters.", ServiceErrorCodes.IdempotencyKeyInvalid));
        }

        if (body.Length > MaxBodyBytes)
        {
            return ServiceResult.Fail<WorkflowCreated>(ServiceOutcome.Invalid, new FieldError("$", "The body is larger than 64 KiB.", WorkflowErrorCodes.BodyTooLarge));
        }

        var requestHash = IdempotencyFingerprint.Of(body.Span);
        var keyHash = idempotencyKey is null ? null : Hashing.Sha256Hex(idempotencyKey);
        if (keyHash is not null && await _workflows.FindByIdempotencyKeyAsync(business.BusinessId, keyHash, cancellationToken) is { } earlier)
        {
            // Rows stored before the canonical fingerprint hold the raw body's hash: a byte-identical retry still replays.
            return await ReplayAsync(earlier, earlier.RequestHash == Hashing.Sha256Hex(body.Span) ? earlier.RequestHash : requestHash, cancellationToken);
        }

        // A request naming a template is composed with it and checked by the same rules (ADR 0021).
        var validation = TemplateWorkflowRequest.NamesTemplate(body.Span)
            ? await _templates.PlanWorkflowAsync(business, body, cancellationToken)
            : new WorkflowRequestValidator(_time).Validate(body.Span).ToServiceResult();
        if (!validation.IsSuccess)
        {
            return ServiceResult.Fail<WorkflowCreated>(validation.Outcome, validation.Errors);
        }

        var plan = validation.Value!;
        var referenceErrors = await CheckAllReferencesAsync(business, plan, cancellationToken);
        if (referenceErrors.Count > 0)
        {
            return ServiceResult.Fail<WorkflowCreated>(ServiceOutcome.Unprocessable, referenceErrors);
        }

        return await CreateValidatedAsync(business, plan, requestHash, keyHash, cancellationToken);
    }

    /// <summary>
    /// Every 422 problem of a valid plan: unknown customer or accounts (<see cref="CheckReferencesAsync"/>), and a number
    /// LinX may not text for the business (another country, or opted out).
    /// </summary>
    internal async Task<List<FieldError>> CheckAllReferencesAsync(Business business, WorkflowPlan plan, CancellationToken cancellationToken)
    {
        var referenceErrors = await CheckReferencesAsync(business.BusinessId, plan, cancellationToken);
        if (!plan.Notification.DeliveredByBusiness && !business.MayText(PhoneCountry.Of(plan.Notification.PhoneNumber)))
        {
            referenceErrors.Add(new FieldError(
                "$.parameters.phoneNumber", "LinX does not text numbers of this country for this business (its allowed SMS countries).",
                ServiceErrorCodes.PhoneCountryNotAllowed));
        }

        if (!plan.Notification.DeliveredByBusiness && await _optOuts.IsOptedOutAsync(business.BusinessId, plan.Notification.PhoneNumber, cancellationToken))
        {
            referenceErrors.Add(new FieldError(
                "$.parameters.phoneNumber", "This number opted out of the business's SMS (it replied STOP, or the business listed it): LinX does not text it.",
                ServiceErrorCodes.PhoneOptedOut));
        }

        return referenceErrors;
    }

    /// <summary>Stores and starts a validated plan whose references were checked (the second half of <see cref="CreateAsync"/>).</summary>
    internal async Task<ServiceResult<WorkflowCreated>> CreateValidatedAsync(
        Business business, WorkflowPlan plan, string requestHash, string? keyHash, CancellationToken cancellationToken, BatchEntryRef? batch = null)
    {
        // The documents' versions current now are the ones this workflow shows and records (checked to exist already).
        plan = (await _documents.PinAsync(business.BusinessId, plan, cancellationToken)).Plan;
        var workflowId = Guid.NewGuid();
        var now = _time.GetUtcNow();
        var phone = plan.Notification.PhoneNumber;
        var maskedPhone = Masking.Phone(phone);
        var passcode = plan.PasscodeRequired ? LinXCrypto.NewPasscode() : null;
        var token = _crypto.LinkToken(workflowId);
        var record = new WorkflowRecord
        {
            WorkflowId = workflowId,
            BusinessId = business.BusinessId,
            Title = plan.Title,
            Plan = plan with { Steps = [.. plan.Steps.Select(s => s is NotificationStep n ? n with { PhoneNumber = maskedPhone } : s)] },
            Status = WorkflowStatus.Created,
            CurrentStep = 0,
            Steps = [.. plan.Steps.Select(s => new StepState(s.Name, StepStatus.Created) { UpdatedAt = now })],
            CreatedAt = now,
            ExpireAt = now + plan.ExpireIn,
            EncryptedPhoneNumber = _crypto.Encrypt(phone, workflowId.ToString("D")),
            MaskedPhoneNumber = maskedPhone,
            LinkTokenHash = LinXCrypto.LinkTokenHash(token)!,
            PasscodeHash = passcode is null ? null : _crypto.PasscodeHash(workflowId, passcode),
            IdempotencyKeyHash = keyHash,
            RequestHash = requestHash,
            TemplateId = plan.Template?.TemplateId,
            TemplateVersionId = plan.Template?.TemplateVersionId,
            BatchId = batch?.BatchId,
            BatchPosition = batch?.Position,
            SearchTerms = WorkflowSearchTerms.OfPhone(_crypto, phone),
        };
        var stored = await _workflows.CreateAsync(record, cancellationToken);
        if (!stored.Created)
        {
            return await ReplayAsync(stored.Workflow, requestHash, cancellationToken); // lost a race on the same key
        }

        try
        {
            await StartAsync(record, cancellationToken);
        }
        catch (Exception)
        {
            // The row is stored but scheduling failed (storage or the durable backend, or the request's deadline): the row
            // says so instead of waiting as a silent CREATED, and the caller's retry with the same Idempotency-Key starts it.
            await MarkNotStartedAsync(record);
            throw;
        }

        _logger.WorkflowCreated(workflowId, business.BusinessId, plan.Steps.Count);
        return ServiceResult.Accepted(new WorkflowCreated(workflowId, WorkflowStatus.Created, record.ExpireAt, _composer.Link(token), passcode, false)
        {
            LinkDeliveredByBusiness = plan.Notification.DeliveredByBusiness,
        });
    }

    /// <summary>The workflow with the customer's consent evidence (what they accepted, when, from where).</summary>
    public async Task<ServiceResult<WorkflowDetails>> GetAsync(Business business, Guid workflowId, CancellationToken cancellationToken)
    {
        if (await _workflows.GetAsync(business.BusinessId, workflowId, cancellationToken) is not { } workflow)
        {
            return ServiceResult.Fail<WorkflowDetails>(ServiceOutcome.NotFound, NotFoundError);
        }

        var consents = await _consents.ListAsync(business.BusinessId, workflowId, cancellationToken);
        return ServiceResult.Ok(WorkflowDetails.From(workflow) with { Consents = [.. consents.Select(ConsentView.From)] });
    }

    /// <summary>
    /// Cancels an open workflow. With a money step, the cancel and the customer's acceptance race for one decision
    /// (<see cref="WorkflowDecision"/>): a cancel that loses is a Conflict (WORKFLOW_ALREADY_ACCEPTED), and the money moves.
    /// </summary>
    public async Task<ServiceResult<WorkflowCommandAccepted>> CancelAsync(Business business, Guid workflowId, CancellationToken cancellationToken)
    {
        var workflow = await _workflows.GetAsync(business.BusinessId, workflowId, cancellationToken);
        if (workflow is null)
        {
            return ServiceResult.Fail<WorkflowCommandAccepted>(ServiceOutcome.NotFound, NotFoundError);
        }

        // While a declined payment waits for a replacement account, the cancel races the retry for that attempt's decision.
        var attempt = PaymentRecovery.Of(workflow) is { } recovery ? recovery.Attempt + 1 : 1;
        if (IsOpen(workflow) && workflow.Plan.MoveMoney is not null
            && await _consents.DecideAsync(business.BusinessId, workflowId, WorkflowDecision.Cancelled, cancellationToken, attempt) != WorkflowDecision.Cancelled)
        {
            return ServiceResult.Fail<WorkflowCommandAccepted>(ServiceOutcome.Conflict, new FieldError(
                "$", "The customer accepted the transaction before the cancel arrived; it can no longer be cancelled.", ServiceErrorCodes.WorkflowAlreadyAccepted));
        }

        return await CommandAsync(business, workflow, "cancel", WorkflowEvent.Cancel(), null, cancellationToken);
    }

    /// <summary>Texts the link again: at most once a minute and 5 times in 24 hours per workflow (TooManyRequests otherwise).</summary>
    public async Task<ServiceResult<WorkflowCommandAccepted>> ResendAsync(Business business, Guid workflowId, CancellationToken cancellationToken)
    {
        var workflow = await _workflows.GetAsync(business.BusinessId, workflowId, cancellationToken);
        if (workflow is null)
        {
            return ServiceResult.Fail<WorkflowCommandAccepted>(ServiceOutcome.NotFound, NotFoundError);
        }

        if (workflow.Plan.Notification.DeliveredByBusiness)
        {
            return ServiceResult.Fail<WorkflowCommandAccepted>(ServiceOutcome.Conflict, new FieldError(
                "$", "This workflow's link is handed over by the business (channel BUSINESS): LinX does not text it.", ServiceErrorCodes.LinkDeliveredByBusiness));
        }

        if (IsOpen(workflow) && workflow.IsLocked)
        {
            return ServiceResult.Fail<WorkflowCommandAccepted>(ServiceOutcome.Conflict, new FieldError(
                "$", "The link is locked after too many wrong passcodes; set a new passcode first.", ServiceErrorCodes.WorkflowLocked));
        }

        if (IsOpen(workflow) && await _resends.TryTakeAsync(business.BusinessId, workflowId, _time.GetUtcNow(), cancellationToken) is { } wait)
        {
            return ServiceResult.TooManyRequests<WorkflowCommandAccepted>(wait, new FieldError(
                "$", $"The link can be texted again at most once a minute and {IResendQuota.PerDay} times a day; retry later.",
                ServiceErrorCodes.ResendLimitReached));
        }

        return await CommandAsync(business, workflow, "resend", WorkflowEvent.Resend(), null, cancellationToken);
    }

    /// <summary>
    /// Gives a workflow created with <c>passcode: true</c> a new passcode, returned this once (only its keyed hash is
    /// stored): the failed attempts start again and the link is unlocked, so resend works again. A Conflict for a workflow
    /// without a passcode or no longer open.
    /// </summary>
    public async Task<ServiceResult<WorkflowPasscode>> NewPasscodeAsync(Business business, Guid workflowId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            if (await _workflows.GetAsync(business.BusinessId, workflowId, cancellationToken) is not { } workflow)
            {
                return ServiceResult.Fail<WorkflowPasscode>(ServiceOutcome.NotFound, NotFoundError);
            }

            if (workflow.PasscodeHash is null)
            {
                return ServiceResult.Fail<WorkflowPasscode>(ServiceOutcome.Conflict, new FieldError(
                    "$", "This workflow was created without a passcode.", ServiceErrorCodes.PasscodeNotUsed));
            }

            if (!IsOpen(workflow))
            {
                return ServiceResult.Fail<WorkflowPasscode>(ServiceOutcome.Conflict, NotActiveError);
            }

            var passcode = LinXCrypto.NewPasscode();
            var replaced = workflow with { PasscodeHash = _crypto.PasscodeHash(workflowId, passcode), FailedPasscodeAttempts = 0, LockedAt = null };
            if (await _workflows.TrySetPasscodeStateAsync(replaced, cancellationToken))
            {
                _logger.PasscodeReplaced(workflowId);
                return ServiceResult.Ok(new WorkflowPasscode(workflowId, passcode));
            }
        }

        throw new InvalidOperationException("The workflow kept changing; the passcode was not replaced.");
    }

    /// <summary>
    /// Moves the expiry to <c>newExpireAt</c>, or by <c>hours</c> from the current expiry (exactly one of them): later
    /// than the current expiry and at most 365 days after creation.
    /// </summary>
    public async Task<ServiceResult<WorkflowCommandAccepted>> ExtendAsync(
        Business business, Guid workflowId, DateTimeOffset? newExpireAt, int? hours, CancellationToken cancellationToken)
    {
        if ((newExpireAt is null) == (hours is null) || hours is < 1 or > 8760)
        {
            return ServiceResult.Fail<WorkflowCommandAccepted>(ServiceOutcome.Invalid, new FieldError(
                "$", "Give either expireAt or hours (1 to 8760).", ServiceErrorCodes.InvalidExpiry));
        }

        var workflow = await _workflows.GetAsync(business.BusinessId, workflowId, cancellationToken);
        if (workflow is null)
        {
            return ServiceResult.Fail<WorkflowCommandAccepted>(ServiceOutcome.NotFound, NotFoundError);
        }

        var target = newExpireAt ?? workflow.ExpireAt + TimeSpan.FromHours(hours!.Value);
        if (target <= workflow.ExpireAt || target > workflow.CreatedAt + MaxLifetime)
        {
            return ServiceResult.Fail<WorkflowCommandAccepted>(ServiceOutcome.Invalid, new FieldError(
                "$.expireAt", "The new expiry must be later than the current one and at most 365 days after creation.", ServiceErrorCodes.InvalidExpiry));
        }

        return await CommandAsync(business, workflow, "extend", WorkflowEvent.Extend(target.UtcDateTime), target, cancellationToken);
    }

    /// <summary>
    /// Time travel (LinX.Local in Development): the workflow's next reminder (<see cref="WorkflowEventKind.RemindNow"/>)
    /// or its expiry (<see cref="WorkflowEventKind.ExpireNow"/>) now. A Conflict when the workflow's orchestration was
    /// started without <see cref="LinXOptions.DevTimeTravel"/>, which would ignore the event.
    /// </summary>
    public async Task<ServiceResult<WorkflowCommandAccepted>> TimeTravelAsync(
        Business business, Guid workflowId, WorkflowEventKind kind, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(kind is WorkflowEventKind.RemindNow or WorkflowEventKind.ExpireNow, true, nameof(kind));
        var workflow = await _workflows.GetAsync(business.BusinessId, workflowId, cancellationToken);
        if (workflow is null)
        {
            return ServiceResult.Fail<WorkflowCommandAccepted>(ServiceOutcome.NotFound, NotFoundError);
        }

        var (command, travel) = kind == WorkflowEventKind.RemindNow ? ("remind-now", WorkflowEvent.RemindNow()) : ("expire-now", WorkflowEvent.ExpireNow());
        if (kind == WorkflowEventKind.RemindNow && workflow.Plan.Notification.DeliveredByBusiness)
        {
            return ServiceResult.Fail<WorkflowCommandAccepted>(ServiceOutcome.Conflict, new FieldError(
                "$", "This workflow's link is handed over by the business (channel BUSINESS): LinX sends it no reminders.", ServiceErrorCodes.LinkDeliveredByBusiness));
        }

        if (IsOpen(workflow) && (await _orchestrations.GetInstanceAsync(workflow.WorkflowId.ToString("D"), getInputsAndOutputs: true, cancellationToken))
            ?.ReadInputAs<LinxOrchestrationInput>()?.DevTimeTravel != true)
        {
            return ServiceResult.Fail<WorkflowCommandAccepted>(ServiceOutcome.Conflict, new FieldError(
                "$", "This workflow was created without LinX:DevTimeTravel, so it ignores time travel.", ServiceErrorCodes.TimeTravelNotAllowed));
        }

        return await CommandAsync(business, workflow, command, travel, null, cancellationToken);
    }

    public async Task<ServiceResult<IReadOnlyList<NotificationView>>> GetNotificationsAsync(
        Business business, Guid workflowId, CancellationToken cancellationToken)
    {
        if (await _workflows.GetAsync(business.BusinessId, workflowId, cancellationToken) is null)
        {
            return ServiceResult.Fail<IReadOnlyList<NotificationView>>(ServiceOutcome.NotFound, NotFoundError);
        }

        var history = await _notifications.ListAsync(workflowId, cancellationToken);
        return ServiceResult.Ok<IReadOnlyList<NotificationView>>([.. history.Select(n => NotificationView.From(n, business.BusinessId))]);
    }

    private const string NotStartedReason =
        "LinX could not start this workflow and sent nothing to the customer; retry the create with the same Idempotency-Key to start it.";

    private const string NotConfirmedReason =
        "LinX could not confirm that this workflow started; retry the create with the same Idempotency-Key (it never makes a second one).";

    private static readonly FieldError NotFoundError = new("$", "No such workflow.", ServiceErrorCodes.NotFound);

    private static readonly FieldError NotActiveError = new("$", "The workflow is no longer active.", ServiceErrorCodes.WorkflowNotActive);

    private async Task<ServiceResult<WorkflowCommandAccepted>> CommandAsync(
        Business business, WorkflowRecord workflow, string command, WorkflowEvent e, DateTimeOffset? expireAt, CancellationToken cancellationToken)
    {
        if (workflow.BusinessId != business.BusinessId)
        {
            return ServiceResult.Fail<WorkflowCommandAccepted>(ServiceOutcome.NotFound, NotFoundError);
        }

        if (!IsOpen(workflow))
        {
            return ServiceResult.Fail<WorkflowCommandAccepted>(ServiceOutcome.Conflict, NotActiveError);
        }

        if (!await _orchestrations.TryRaiseEventAsync(workflow.WorkflowId.ToString("D"), WorkflowEvent.EventName, e, cancellationToken))
        {
            return ServiceResult.Fail<WorkflowCommandAccepted>(ServiceOutcome.Conflict, NotActiveError);
        }

        return ServiceResult.Accepted(new WorkflowCommandAccepted(workflow.WorkflowId, command, expireAt));
    }

    /// <summary>
    /// FAILED only when the backend says no instance exists (a schedule that failed may still have gone through, and a
    /// FAILED row would invite a second request); when it cannot say, the row stays CREATED with the reason.
    /// </summary>
    private async Task MarkNotStartedAsync(WorkflowRecord record)
    {
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var started = await StartedAsync(record.WorkflowId, deadline.Token);
            if (started != true)
            {
                await _workflows.MarkNotStartedAsync(
                    record.BusinessId, record.WorkflowId, started is null ? NotConfirmedReason : NotStartedReason, failed: started is false, deadline.Token);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.WorkflowNotMarked(record.WorkflowId, e.GetType().Name); // the fault the caller sees is the first one
        }
    }

    /// <summary>Whether the backend has an instance of the workflow; null when it cannot say.</summary>
    private async Task<bool?> StartedAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        try
        {
            return await _orchestrations.GetInstanceAsync(workflowId.ToString("D"), cancellationToken) is not null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>An Idempotency-Key: 6 to 255 visible ASCII characters.</summary>
    public static bool IsValidIdempotencyKey(string? key) =>
        key is { Length: >= 6 and <= 255 } && key.All(c => c is >= '!' and <= '~');

    private bool IsOpen(WorkflowRecord workflow) => workflow.IsOpenAt(_time.GetUtcNow());

    private async Task<ServiceResult<WorkflowCreated>> ReplayAsync(WorkflowRecord earlier, string requestHash, CancellationToken cancellationToken)
    {
        if (earlier.RequestHash != requestHash)
        {
            return ServiceResult.Fail<WorkflowCreated>(ServiceOutcome.Conflict, new FieldError(
                IdempotencyKeyPath, "This Idempotency-Key was used with another request body.", ServiceErrorCodes.IdempotencyKeyReused));
        }

        await StartAsync(earlier, cancellationToken);

        // One marked not started (version 0, no orchestrator write yet) has just been started: it is CREATED again.
        var status = earlier.Version == 0 && earlier.Status == WorkflowStatus.Failed ? WorkflowStatus.Created : earlier.Status;
        return ServiceResult.Accepted(new WorkflowCreated(
            earlier.WorkflowId, status, earlier.ExpireAt, _composer.Link(_crypto.LinkToken(earlier.WorkflowId)), null, true)
        {
            LinkDeliveredByBusiness = earlier.Plan.Notification.DeliveredByBusiness,
        });
    }

    /// <summary>Indexes the link token and the workflow's search rows, and schedules the orchestration; all idempotent, so a replay may re-do them.</summary>
    private async Task StartAsync(WorkflowRecord workflow, CancellationToken cancellationToken)
    {
        await _linkTokens.PutAsync(new LinkTokenEntry(workflow.LinkTokenHash, workflow.BusinessId, workflow.WorkflowId), cancellationToken);
        await _workflows.IndexAsync(workflow, cancellationToken);
        await _orchestrations.ScheduleOnceAsync(
            LinxOrchestration.Name,
            new LinxOrchestrationInput(
                workflow.WorkflowId, workflow.BusinessId, workflow.Plan, workflow.ExpireAt.UtcDateTime, _options.ReminderInterval, _options.DevTimeTravel),
            workflow.WorkflowId.ToString("D"),
            cancellationToken);
    }

    internal async Task<List<FieldError>> CheckReferencesAsync(Guid businessId, WorkflowPlan plan, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>((await _documents.PinAsync(businessId, plan, cancellationToken)).Errors);
        var lookup = plan.Steps.OfType<LookupProfileStep>().SingleOrDefault();
        Customer? customer = null;
        if (lookup is not null)
        {
            customer = await _customers.GetAsync(businessId, lookup.CustomerId, cancellationToken);
            if (customer is null)
            {
                errors.Add(new FieldError("$.parameters.customerId", "No customer with this id belongs to the business.", ServiceErrorCodes.CustomerNotFound));
            }
        }

        var move = plan.MoveMoney;
        if (plan.Steps.OfType<LookupFinancialAccountStep>().SingleOrDefault() is { } accountLookup)
        {
            var account = await _accounts.GetAsync(businessId, accountLookup.CustomerFinancialAccountId, cancellationToken);
            if (account is null || account.CustomerId is null || (customer is not null && account.CustomerId != customer.CustomerId) || lookup is null)
            {
                errors.Add(new FieldError(
                    "$.parameters.customerFinancialAccountId", "No financial account with this id belongs to the customer.", ServiceErrorCodes.FinancialAccountNotFound));
            }
            else if (move is not null && (move.Solution == PaymentSolution.PushToCard) != account.IsCard)
            {
                errors.Add(new FieldError(
                    "$.parameters.customerFinancialAccountId",
                    move.Solution == PaymentSolution.PushToCard ? "push-to-card needs a card account." : "ach and wire need a bank account.",
                    ServiceErrorCodes.FinancialAccountMismatch));
            }
        }

        if (move is not null)
        {
            var businessAccount = await _accounts.GetAsync(businessId, move.BaFinancialAccountId, cancellationToken);
            if (businessAccount is null || businessAccount.CustomerId is not null)
            {
                errors.Add(new FieldError(
                    "$.parameters.baFinancialAccountId", "No financial account with this id belongs to the business.", ServiceErrorCodes.FinancialAccountNotFound));
            }
        }

        return errors;
    }
}
