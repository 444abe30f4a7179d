using System.Text.Json;
using LinX.Core.Accounts;
using LinX.Core.Consent;
using LinX.Core.Orchestration;
using LinX.Core.Payments;
using LinX.Core.Workflows;

namespace LinX.Core.Gateway;

/// <summary>
/// Card and bank account submissions (the financial-account step, and the replacement account of a declined payment:
/// <c>POST /api/gateway/{token}/retry</c>, ADR 0016). The card's CVC and billing postal code go to the processor's
/// verification with the tokenization and no further: never stored, sealed or logged.
/// </summary>
public sealed partial class GatewayService
{
    private static readonly ServiceResult<GatewayAccepted> RetryInstead = ServiceResult.Fail<GatewayAccepted>(
        ServiceOutcome.Conflict, new FieldError("$", "The payment waits for another account: post it to retry.", ServiceErrorCodes.StepNotCurrent));

    private static readonly ServiceResult<GatewayAccepted> NoRetry = ServiceResult.Fail<GatewayAccepted>(
        ServiceOutcome.Conflict, new FieldError("$", "The payment is not waiting for another account.", ServiceErrorCodes.RetryNotAvailable));

    /// <summary>
    /// The replacement account of a declined payment, with the money movement accepted again (<c>"accept": true</c>):
    /// validated and tokenized before the event is raised (Invalid with every field error, the workflow keeps waiting),
    /// Conflict when the payment waits for no replacement. The acceptance is recorded like the move-money one, per attempt.
    /// </summary>
    public async Task<ServiceResult<GatewayAccepted>> RetryAsync(
        string token, ReadOnlyMemory<byte> body, string? passcodeProof, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var (workflow, failure) = await AuthorizeAsync(token, passcodeProof, cancellationToken);
        if (workflow is null)
        {
            return failure!;
        }

        if (PaymentRecovery.Of(workflow) is not { } recovery || workflow.Plan.MoveMoney is not { } move)
        {
            return NoRetry;
        }

        using var document = JsonBody.Parse(body, out var malformed);
        if (document is null)
        {
            return ServiceResult.Fail<GatewayAccepted>(ServiceOutcome.Invalid, malformed!);
        }

        var root = document.RootElement;
        var fields = JsonBody.Collect();
        var consent = Consent(workflow, await _businesses.GetAsync(workflow.BusinessId, cancellationToken), move, PageLocale(root));
        var accepted = fields.True(root, "accept") & Authorized(root, fields, consent);
        var account = await AccountSubmissionAsync(workflow, recovery.AccountKind == "card", root, fields, cancellationToken);
        if (account is null || !accepted)
        {
            return ServiceResult.Fail<GatewayAccepted>(ServiceOutcome.Invalid, fields.Errors);
        }

        var attempt = recovery.Attempt + 1;
        if (await _consents.DecideAsync(workflow.BusinessId, workflow.WorkflowId, WorkflowDecision.Accepted, cancellationToken, attempt) != WorkflowDecision.Accepted)
        {
            return NotActive;
        }

        await RecordConsentAsync(workflow, consent, RetryEvidenceName(attempt), origin, cancellationToken);
        if (!await _orchestrations.TryRaiseEventAsync(
                workflow.WorkflowId.ToString("D"), WorkflowEvent.EventName, WorkflowEvent.Retry(account, attempt), cancellationToken))
        {
            return NotActive;
        }

        _logger.StepSubmitted(workflow.WorkflowId, StepNames.MoveMoney);
        return ServiceResult.Accepted(new GatewayAccepted(workflow.WorkflowId, "retry"));
    }

    /// <summary>The consent evidence name of payment attempt <paramref name="attempt"/>'s acceptance (the first is <c>move-money</c>).</summary>
    public static string RetryEvidenceName(int attempt) => StepNames.MoveMoney + ":attempt-" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The sealed card or bank account event of a submission, or null with its field errors in <paramref name="fields"/>.</summary>
    private async Task<WorkflowEvent?> AccountSubmissionAsync(
        WorkflowRecord workflow, bool card, JsonElement root, JsonBody fields, CancellationToken cancellationToken)
    {
        if (!card)
        {
            var bank = SubmissionParser.Bank(root, fields, confirmed: true);
            return bank is null ? null : _submissions.BankAccount(workflow.WorkflowId, await _processor.TokenizeAsync(_crypto, bank, cancellationToken));
        }

        var details = SubmissionParser.Card(root, fields, _time.GetUtcNow());
        if (details is null)
        {
            return null;
        }

        var tokenized = await _processor.TokenizeCardAsync(details, cancellationToken);
        switch (tokenized.Verification)
        {
            case CardVerification.CvcMismatch:
                fields.Add("$.cvc", "The CVC does not match this card.", ServiceErrorCodes.CvcMismatch);
                return null;
            case CardVerification.PostalCodeMismatch:
                fields.Add("$.postalCode", "The billing postal code does not match this card.", ServiceErrorCodes.BillingPostalCodeMismatch);
                return null;
        }

        return _submissions.Card(workflow.WorkflowId, new TokenizedCard(
            PaymentDetailsValidation.Brand(details.CardNumber), details.CardNumber[^4..], details.ExpiryYear, details.ExpiryMonth,
            _crypto.Fingerprint("card", details.CardNumber), tokenized.Token!, details.NameOnCard));
    }
}
