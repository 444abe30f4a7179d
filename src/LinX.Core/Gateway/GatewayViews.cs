using LinX.Core.Consent;
using LinX.Core.Workflows;

namespace LinX.Core.Gateway;

/// <summary>The customer's view of a workflow, by link token. Data is masked.</summary>
/// <remarks><c>Current</c>: What the page needs for the current step; null when the workflow is not active or locked by a passcode.</remarks>
public sealed record GatewayView(
    Guid WorkflowId,
    string Title,
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
    /// <summary>The page's language: the request's locale, else the business's default; null: the browser's language.</summary>
    public string? Locale { get; init; }
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
    ConsentText Consent);

/// <summary>The move-money summary the customer accepts.</summary>
public sealed record TransactionSummary(
    decimal Amount, string Currency, TransactionType Direction, PaymentSolution Solution, PaymentPriority Priority,
    string PaymentReasonId, string? Description);

/// <summary>The answer to a submission or decline: handed to the orchestrator; poll the view for the result.</summary>
public sealed record GatewayAccepted(Guid WorkflowId, string Action);
