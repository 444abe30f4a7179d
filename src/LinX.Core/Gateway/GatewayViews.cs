using LinX.Core.Consent;
using LinX.Core.Workflows;

namespace LinX.Core.Gateway;

/// <summary>The customer's view of a workflow, by link token. Data is masked.</summary>
/// <remarks>
/// <c>Current</c>: What the page needs for the current step; null when the workflow is not active or locked by a passcode.
/// <c>Brand</c>: the business's profile and logo. <c>HeadingKind</c>: the default heading when there is no
/// <c>CustomerMemo</c>. The workflow's title is the business's internal name: it is not in the customer's view.
/// </remarks>
public sealed record GatewayView(
    Guid WorkflowId,
    GatewayBrand Brand,
    GatewayHeadingKind HeadingKind,
    string BusinessName,
    string? IntroductoryMessage,
    string? CustomerMemo,
    WorkflowStatus Status,
    int CurrentStep,
    bool PasscodeRequired,
    bool PasscodeVerified,
    bool Locked,
    DateTimeOffset ExpireAt,
    IReadOnlyList<GatewayStepView> Steps,
    GatewayCurrentStep? Current)
{
    /// <summary>Why a FAILED workflow ended, as a code (<c>PAYMENT_DECLINED</c>, <c>CARD_DECLINED</c>, ... or <c>SYSTEM_ERROR</c>); null unless FAILED.</summary>
    public string? FailureCode { get; init; }

    /// <summary>The language the request asked for; null: the page chooses by the browser's languages, then <see cref="DefaultLocale"/>.</summary>
    public string? Locale { get; init; }

    /// <summary>The business's default locale (null without a profile), the page's choice when the browser speaks none of LinX's.</summary>
    public string? DefaultLocale { get; init; }
}

/// <summary>One step on the Gateway page.</summary>
public sealed record GatewayStepView(string Name, string DisplayName, StepStatus Status, IReadOnlyDictionary<string, string>? Data);

/// <summary>
/// The current step's needs: for financial-account whether a card or a bank account is expected; for lookups the
/// masked profile or account (in <paramref name="Data"/>, once loaded); for move-money the transaction summary; and the
/// sentence the customer accepts by submitting it (<paramref name="Consent"/>), hashed into their evidence.
/// </summary>
public sealed record GatewayCurrentStep(
    string Name,
    FinancialAccountSubType? FinancialAccountSubType,
    string? FinancialAccountKind,
    IReadOnlyDictionary<string, string>? Data,
    TransactionSummary? Transaction,
    ConsentText Consent)
{
    /// <summary>
    /// Null unless the move-money step waits for a replacement account after a recoverable decline (ADR 0016): post it,
    /// with <c>"accept": true</c>, to <c>POST /api/gateway/{token}/retry</c>; <see cref="Consent"/> is then the retry's sentence.
    /// </summary>
    public Payments.PaymentRecovery? Recovery { get; init; }

    /// <summary>On enhance-profile: the fields asked and what is on file to prefill; post only those fields.</summary>
    public GatewayProfileNeeds? Profile { get; init; }

    /// <summary>On document-acceptance: each document to read in full and accept; post <c>{ "accepted": [{ "documentId", "version" }] }</c>.</summary>
    public IReadOnlyList<GatewayDocument>? Documents { get; init; }
}

/// <summary>The move-money summary the customer accepts.</summary>
public sealed record TransactionSummary(
    decimal Amount, string Currency, TransactionType Direction, PaymentSolution Solution, PaymentPriority Priority,
    string PaymentReasonId, string? Description)
{
    /// <summary>When a SCHEDULED payment moves, with the business's offset (the page shows its date); null for any other priority.</summary>
    public DateTimeOffset? StartDateTime { get; init; }
}

/// <summary>The answer to a submission or decline: handed to the orchestrator; poll the view for the result.</summary>
public sealed record GatewayAccepted(Guid WorkflowId, string Action);
