using System.Text.Json;
using LinX.Core.Accounts;
using LinX.Core.Businesses;
using LinX.Core.Consent;
using LinX.Core.Customers;
using LinX.Core.Documents;
using LinX.Core.Notifications;
using LinX.Core.Orchestration;
using LinX.Core.Payments;
using LinX.Core.Security;
using LinX.Core.Webhooks;
using LinX.Core.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LinX.Core.Gateway;

/// <summary>
/// The customer side, by link token. Unknown or malformed tokens are <see cref="ServiceOutcome.NotFound"/>; the
/// token is never logged. Submissions are validated (card and bank details also tokenized) before the event is
/// raised, so bad data is a 400 and the workflow keeps waiting.
/// </summary>
public sealed partial class GatewayService
{
    private const int MaxConcurrencyRetries = 5;

    private readonly ILinkTokenStore _linkTokens;
    private readonly IWorkflowStore _workflows;
    private readonly IBusinessStore _businesses;
    private readonly DurableTaskClient _orchestrations;
    private readonly IPaymentProcessor _processor;
    private readonly CustomerSubmissions _submissions;
    private readonly IConsentStore _consents;
    private readonly WebhookPublisher _webhooks;
    private readonly ICustomerStore _customers;
    private readonly IBusinessDocumentStore _documents;
    private readonly LinXCrypto _crypto;
    private readonly LinXOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GatewayService> _logger;

    public GatewayService(
        ILinkTokenStore linkTokens,
        IWorkflowStore workflows,
        IBusinessStore businesses,
        DurableTaskClient orchestrations,
        IPaymentProcessor processor,
        CustomerSubmissions submissions,
        IConsentStore consents,
        WebhookPublisher webhooks,
        ICustomerStore customers,
        IBusinessDocumentStore documents,
        LinXCrypto crypto,
        IOptions<LinXOptions> options,
        TimeProvider time,
        ILogger<GatewayService> logger)
    {
        _linkTokens = linkTokens;
        _workflows = workflows;
        _businesses = businesses;
        _orchestrations = orchestrations;
        _processor = processor;
        _submissions = submissions;
        _consents = consents;
        _webhooks = webhooks;
        _customers = customers;
        _documents = documents;
        _crypto = crypto;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The view; step data is withheld when a passcode is required and <c>passcodeProof</c> is not valid, and once the workflow has ended.</summary>
    public Task<ServiceResult<GatewayView>> GetViewAsync(string token, string? passcodeProof, CancellationToken cancellationToken) =>
        GetViewAsync(token, passcodeProof, null, cancellationToken);

    /// <summary>The view, with the consent sentence in the page's language.</summary>
    /// <remarks><paramref name="locale"/>: the page's language, for the consent sentence (unsupported or null: the workflow's).</remarks>
    public async Task<ServiceResult<GatewayView>> GetViewAsync(string token, string? passcodeProof, string? locale, CancellationToken cancellationToken)
    {
        var workflow = await ResolveAsync(token, cancellationToken);
        if (workflow is null)
        {
            return ServiceResult.Fail<GatewayView>(ServiceOutcome.NotFound, NotFoundError);
        }

        var business = await _businesses.GetAsync(workflow.BusinessId, cancellationToken);
        var unlocked = workflow.PasscodeHash is null || _crypto.IsPasscodeProofOf(passcodeProof, workflow.WorkflowId, workflow.PasscodeHash);
        var status = EffectiveStatus(workflow);

        // Once ended, the link shows the end state only (the transaction's amount and status): whoever holds it later
        // sees none of the customer's profile or account.
        var showData = unlocked && status == WorkflowStatus.Active;
        var steps = workflow.Steps
            .Select((s, i) => new GatewayStepView(
                s.Name, DisplayName(workflow.Plan.Steps[i]), s.Status.ShownUnder(status),
                showData || (unlocked && workflow.Plan.Steps[i] is MoveMoneyStep) ? s.Data : null))
            .ToList();
        var current = showData
            ? await WithInputsAsync(workflow, CurrentStep(workflow, Consent(workflow, business, workflow.Plan.Steps[workflow.CurrentStep], locale)), cancellationToken)
            : null;
        return ServiceResult.Ok(new GatewayView(
            workflow.WorkflowId, GatewayBrand.Of(business), GatewayHeading.Of(workflow.Plan), business?.Name ?? string.Empty, workflow.Plan.Notification.IntroductoryMessage,
            workflow.Plan.CustomerMemo, status, workflow.CurrentStep, workflow.PasscodeHash is not null, unlocked, workflow.IsLocked,
            workflow.ExpireAt, steps, current)
        {
            FailureCode = workflow.ShownFailureCode(),
            Locale = workflow.Plan.Locale,
            DefaultLocale = business?.Profile?.DefaultLocale,
        });
    }

    /// <summary>
    /// Checks the passcode; Ok with a proof for an HttpOnly cookie, Invalid when wrong, Locked after too many tries.
    /// Each check first reserves a try (an ETag-guarded increment of the failed attempts), so however many guesses
    /// arrive at once, at most <see cref="LinXOptions.MaxPasscodeAttempts"/> wrong ones are ever compared; a right one
    /// gives its try back.
    /// </summary>
    public async Task<ServiceResult<string>> VerifyPasscodeAsync(string token, string passcode, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var workflow = await ResolveAsync(token, cancellationToken);
            if (workflow is null)
            {
                return ServiceResult.Fail<string>(ServiceOutcome.NotFound, NotFoundError);
            }

            if (workflow.PasscodeHash is null)
            {
                return ServiceResult.Ok(_crypto.PasscodeProof(workflow.WorkflowId, workflow.PasscodeHash));
            }

            if (workflow.IsLocked)
            {
                return ServiceResult.Fail<string>(ServiceOutcome.Locked, LockedError);
            }

            // The last try locks the link as it is reserved, so the lock and the count are one write; a right passcode
            // gives the try (and the lock) back.
            var reserved = WithAttempts(workflow, workflow.FailedPasscodeAttempts + 1);
            if (!await _workflows.TrySetPasscodeStateAsync(reserved, cancellationToken))
            {
                continue; // a concurrent attempt or update: reserve again on fresh data
            }

            var wellFormed = passcode is { Length: 6 } && passcode.All(char.IsAsciiDigit);
            if (wellFormed && _crypto.VerifyPasscode(workflow.WorkflowId, passcode!, workflow.PasscodeHash))
            {
                await GiveBackTryAsync(workflow, cancellationToken);
                return ServiceResult.Ok(_crypto.PasscodeProof(workflow.WorkflowId, workflow.PasscodeHash));
            }

            _logger.WrongPasscode(workflow.WorkflowId, reserved.FailedPasscodeAttempts);
            if (reserved.IsLocked)
            {
                // Not the request's token: the lock is written, and a client gone now must not cost the business its event.
                await _webhooks.PublishLockedAsync(reserved, CancellationToken.None);
                return ServiceResult.Fail<string>(ServiceOutcome.Locked, LockedError);
            }

            return ServiceResult.Fail<string>(ServiceOutcome.Invalid, new FieldError(
                "$.passcode", TriesLeft(_options.MaxPasscodeAttempts - reserved.FailedPasscodeAttempts), ServiceErrorCodes.PasscodeWrong)
            {
                AttemptsLeft = _options.MaxPasscodeAttempts - reserved.FailedPasscodeAttempts,
            });
        }

        return ServiceResult.Fail<string>(ServiceOutcome.Conflict, new FieldError("$", "Too many concurrent attempts; try again.", ServiceErrorCodes.PasscodeWrong));
    }

    /// <summary>Validates the step's body (all field errors), then raises the submission: Accepted, Invalid, Conflict, Forbidden or NotFound.</summary>
    public async Task<ServiceResult<GatewayAccepted>> SubmitStepAsync(
        string token, string stepName, ReadOnlyMemory<byte> body, string? passcodeProof, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var (workflow, failure) = await AuthorizeAsync(token, passcodeProof, cancellationToken);
        if (workflow is null)
        {
            return failure!;
        }

        var index = workflow.Plan.Steps.ToList().FindIndex(s => s.Name == stepName);
        if (index <= 0)
        {
            return ServiceResult.Fail<GatewayAccepted>(
                ServiceOutcome.NotFound, new FieldError("$", "This workflow has no such step.", WorkflowErrorCodes.UnknownStep));
        }

        if (index != workflow.CurrentStep)
        {
            return ServiceResult.Fail<GatewayAccepted>(
                ServiceOutcome.Conflict, new FieldError("$", "This step is not the current one.", ServiceErrorCodes.StepNotCurrent));
        }

        using var document = JsonBody.Parse(body, out var malformed);
        if (document is null)
        {
            return ServiceResult.Fail<GatewayAccepted>(ServiceOutcome.Invalid, malformed!);
        }

        var root = document.RootElement;
        var fields = JsonBody.Collect();
        var step = workflow.Plan.Steps[index];
        var business = await _businesses.GetAsync(workflow.BusinessId, cancellationToken);
        var consent = Consent(workflow, business, step, PageLocale(root));
        WorkflowEvent? submission = null;
        switch (step)
        {
            case CustomerAccountStep:
                var profile = SubmissionParser.Profile(root, fields, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime));
                submission = profile is null ? null : _submissions.Profile(workflow.WorkflowId, profile);
                break;
            case EnhanceProfileStep enhance:
                var enhancement = SubmissionParser.Enhancement(root, fields, enhance, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime));
                submission = enhancement is null ? null : _submissions.Enhancement(workflow.WorkflowId, enhancement);
                break;
            case DocumentAcceptanceStep documents:
                submission = SubmissionParser.DocumentsAccepted(root, fields, documents) ? WorkflowEvent.Confirm(stepName) : null;
                break;
            case FinancialAccountStep account:
                submission = await AccountSubmissionAsync(
                    workflow, account.FinancialAccountSubType.IsCard(), root, fields, cancellationToken);
                break;
            case MoveMoneyStep when PaymentRecovery.Of(workflow) is not null:
                return RetryInstead;
            case MoveMoneyStep:
                var accepted = fields.True(root, "accept");
                submission = accepted & Authorized(root, fields, consent) ? WorkflowEvent.Confirm(stepName) : null;
                break;
            default:
                submission = fields.True(root, "confirm") ? WorkflowEvent.Confirm(stepName) : null;
                break;
        }

        if (submission is null)
        {
            return ServiceResult.Fail<GatewayAccepted>(ServiceOutcome.Invalid, fields.Errors);
        }

        // The money step's acceptance and the business's cancel race for one insert-only decision: the loser is refused.
        if (step is MoveMoneyStep
            && await _consents.DecideAsync(workflow.BusinessId, workflow.WorkflowId, WorkflowDecision.Accepted, cancellationToken) != WorkflowDecision.Accepted)
        {
            return NotActive;
        }

        await (step is DocumentAcceptanceStep documentStep
            ? RecordDocumentsAsync(workflow, documentStep, origin, cancellationToken)
            : RecordConsentAsync(workflow, consent, stepName, origin, cancellationToken));
        if (!await _orchestrations.TryRaiseEventAsync(workflow.WorkflowId.ToString("D"), WorkflowEvent.EventName, submission, cancellationToken))
        {
            return NotActive;
        }

        _logger.StepSubmitted(workflow.WorkflowId, stepName);
        return ServiceResult.Accepted(new GatewayAccepted(workflow.WorkflowId, stepName));
    }

    /// <summary>Records the words the customer accepted, under <paramref name="evidenceName"/>, from their own request.</summary>
    private Task RecordConsentAsync(WorkflowRecord workflow, ConsentText consent, string evidenceName, RequestOrigin origin, CancellationToken cancellationToken) =>
        _consents.RecordAsync(
            new ConsentEvidence(
                workflow.BusinessId, workflow.WorkflowId, evidenceName, consent.Version, consent.Sha256, _time.GetUtcNow(), origin.IpAddress, origin.UserAgent,
                workflow.Plan.Notification.DeliveredByBusiness ? ConsentEvidence.Business : ConsentEvidence.LinXSms)
            {
                Text = consent.Text,
                Kind = consent.Kind,
                Locale = consent.Locale,
            },
            cancellationToken);

    /// <summary>Declines the workflow: body <c>{ "reason": ..., "comment"? }</c>.</summary>
    public async Task<ServiceResult<GatewayAccepted>> DeclineAsync(
        string token, ReadOnlyMemory<byte> body, string? passcodeProof, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var (workflow, failure) = await AuthorizeAsync(token, passcodeProof, cancellationToken);
        if (workflow is null)
        {
            return failure!;
        }

        using var document = JsonBody.Parse(body, out var malformed);
        if (document is null)
        {
            return ServiceResult.Fail<GatewayAccepted>(ServiceOutcome.Invalid, malformed!);
        }

        var fields = JsonBody.Collect();
        var (reason, comment) = SubmissionParser.Decline(document.RootElement, fields);
        if (fields.Errors.Count > 0 || reason is null)
        {
            return ServiceResult.Fail<GatewayAccepted>(ServiceOutcome.Invalid, fields.Errors);
        }

        return await _orchestrations.TryRaiseEventAsync(
                workflow.WorkflowId.ToString("D"), WorkflowEvent.EventName, WorkflowEvent.Decline(reason.Value, comment), cancellationToken)
            ? ServiceResult.Accepted(new GatewayAccepted(workflow.WorkflowId, "decline"))
            : NotActive;
    }

    private static readonly FieldError NotFoundError = new("$", "This link is not valid.", ServiceErrorCodes.NotFound);

    private static readonly ServiceResult<GatewayAccepted> NotActive = ServiceResult.Fail<GatewayAccepted>(
        ServiceOutcome.Conflict, new FieldError("$", "This request is no longer active.", ServiceErrorCodes.WorkflowNotActive));

    private static readonly FieldError LockedError = new("$", "This link is locked after too many wrong passcodes.", ServiceErrorCodes.Locked);

    private async Task<(WorkflowRecord? Workflow, ServiceResult<GatewayAccepted>? Failure)> AuthorizeAsync(
        string token, string? passcodeProof, CancellationToken cancellationToken)
    {
        var workflow = await ResolveAsync(token, cancellationToken);
        if (workflow is null)
        {
            return (null, ServiceResult.Fail<GatewayAccepted>(ServiceOutcome.NotFound, NotFoundError));
        }

        if (workflow.PasscodeHash is not null && workflow.IsLocked)
        {
            return (null, ServiceResult.Fail<GatewayAccepted>(ServiceOutcome.Locked, LockedError));
        }

        if (workflow.PasscodeHash is not null && !_crypto.IsPasscodeProofOf(passcodeProof, workflow.WorkflowId, workflow.PasscodeHash))
        {
            return (null, ServiceResult.Fail<GatewayAccepted>(
                ServiceOutcome.Forbidden, new FieldError("$", "Enter the passcode first.", ServiceErrorCodes.PasscodeRequired)));
        }

        if (EffectiveStatus(workflow) != WorkflowStatus.Active)
        {
            return (null, NotActive);
        }

        return (workflow, null);
    }

    /// <summary>Token to workflow: a point read by the token's hash, then a constant-time check of the token itself.</summary>
    private async Task<WorkflowRecord?> ResolveAsync(string token, CancellationToken cancellationToken)
    {
        var hash = LinXCrypto.LinkTokenHash(token);
        if (hash is null || await _linkTokens.FindAsync(hash, cancellationToken) is not { } entry)
        {
            return null;
        }

        var workflow = await _workflows.GetAsync(entry.BusinessId, entry.WorkflowId, cancellationToken);
        return workflow is not null && _crypto.IsLinkTokenOf(token, workflow.WorkflowId) ? workflow : null;
    }

    /// <summary>An ACTIVE workflow past its expiry is treated as EXPIRED even before the orchestrator's timer has run.</summary>
    private WorkflowStatus EffectiveStatus(WorkflowRecord workflow) =>
        workflow.Status.IsOpen() && !workflow.IsOpenAt(_time.GetUtcNow()) ? WorkflowStatus.Expired : workflow.Status;

    private static string TriesLeft(int left) =>
        left == 1 ? "The passcode is wrong; 1 try left." : $"The passcode is wrong; {left} tries left.";

    /// <summary>Undoes the try a right passcode reserved (on fresh data: other tries may have been counted meanwhile).</summary>
    private async Task GiveBackTryAsync(WorkflowRecord reservedOn, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var fresh = await _workflows.GetAsync(reservedOn.BusinessId, reservedOn.WorkflowId, cancellationToken);
            if (fresh is null || fresh.FailedPasscodeAttempts == 0
                || await _workflows.TrySetPasscodeStateAsync(WithAttempts(fresh, fresh.FailedPasscodeAttempts - 1), cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>The workflow with <paramref name="attempts"/> failed attempts: locked from the last allowed one on (since when it first was).</summary>
    private WorkflowRecord WithAttempts(WorkflowRecord workflow, int attempts) => workflow with
    {
        FailedPasscodeAttempts = attempts,
        LockedAt = attempts < _options.MaxPasscodeAttempts ? null : workflow.LockedAt ?? _time.GetUtcNow(),
    };

    /// <summary>The page's language, sent with a submission so that the evidence holds the sentence the page showed.</summary>
    private static string? PageLocale(JsonElement root) =>
        root.TryGetProperty("locale", out var locale) && locale.ValueKind == JsonValueKind.String ? JsonBody.Text(locale) : null;

    /// <summary>An ACH debit's authorisation must be ticked as well as accepted: <c>"authorize": true</c>.</summary>
    private static bool Authorized(JsonElement root, JsonBody fields, ConsentText consent)
    {
        if (consent.Kind != ConsentKind.AchDebitAuthorization
            || (root.TryGetProperty("authorize", out var value) && value.ValueKind == JsonValueKind.True))
        {
            return true;
        }

        fields.Add("$.authorize", "Tick the box to authorize the debit: nothing is debited without it.", ServiceErrorCodes.AuthorizationRequired);
        return false;
    }

    /// <summary>
    /// The sentence of <paramref name="step"/>, in <paramref name="locale"/> when LinX writes it, else the business's
    /// default; it names the account the workflow holds (its masked step data; none while a declined payment waits for
    /// a replacement the customer has yet to enter) and today's date where the business is.
    /// </summary>
    private ConsentText Consent(WorkflowRecord workflow, Business? business, WorkflowStep step, string? locale)
    {
        var profile = business?.Profile;
        var account = PaymentRecovery.Of(workflow) is not null ? null : Enumerable.Range(0, workflow.Steps.Count)
            .Where(i => workflow.Plan.Steps[i] is FinancialAccountStep or LookupFinancialAccountStep)
            .Select(i => workflow.Steps[i].Data)
            .FirstOrDefault(d => d is not null && d.ContainsKey("last4"));
        FinancialAccountSubType? subType =
            account?.GetValueOrDefault("financialAccountSubType") is { } wire && WireValues.SubTypes.TryParse(wire, out var parsed) ? parsed : null;
        var zone = MessageLocale.TimeZone(business);
        return ConsentText.For(step, new ConsentContext(
            profile?.DisplayName ?? business?.Name ?? string.Empty,
            profile?.SupportEmail ?? profile?.SupportPhone,
            account?.GetValueOrDefault("last4"),
            subType,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), zone).DateTime),
            BusinessProfile.Locales.Contains(locale) ? locale! : MessageLocale.Resolve(workflow.Plan, business) ?? MessageLocale.Fallback));
    }

    private static GatewayCurrentStep CurrentStep(WorkflowRecord workflow, ConsentText consent)
    {
        var step = workflow.Plan.Steps[workflow.CurrentStep];
        var data = workflow.Steps[workflow.CurrentStep].Data;
        return step switch
        {
            FinancialAccountStep account => new GatewayCurrentStep(
                step.Name, account.FinancialAccountSubType,
                account.FinancialAccountSubType.IsCard() ? "card" : "bank", data, null, consent),
            MoveMoneyStep move => new GatewayCurrentStep(
                step.Name, null, null, data,
                new TransactionSummary(move.Amount, move.Currency, move.TransactionType, move.Solution, move.Priority, move.PaymentReasonId, move.Description)
                {
                    StartDateTime = move.StartDateTime,
                },
                consent)
            {
                Recovery = PaymentRecovery.Of(workflow),
            },
            _ => new GatewayCurrentStep(step.Name, null, null, data, null, consent),
        };
    }

    private static string DisplayName(WorkflowStep step) => step switch
    {
        NotificationStep => "Notification",
        CustomerAccountStep => "Create your profile",
        LookupProfileStep => "Confirm your profile",
        EnhanceProfileStep => StepCatalog.EnhanceProfile.DisplayName,
        DocumentAcceptanceStep => StepCatalog.DocumentAcceptance.DisplayName,
        FinancialAccountStep account when account.FinancialAccountSubType.IsCard() => "Add your card",
        FinancialAccountStep => "Add your bank account",
        LookupFinancialAccountStep => "Confirm your account",
        MoveMoneyStep => "Accept the transaction",
        _ => step.Name,
    };

}
