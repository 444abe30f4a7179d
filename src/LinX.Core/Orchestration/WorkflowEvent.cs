using System.Text.Json.Serialization;
using LinX.Core.Accounts;
using LinX.Core.Customers;
using LinX.Core.Workflows;

namespace LinX.Core.Orchestration;

/// <summary>What a <see cref="WorkflowEvent"/> asks for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkflowEventKind>))]
public enum WorkflowEventKind
{
    /// <summary>The customer completed the step <see cref="WorkflowEvent.StepName"/>.</summary>
    Submit,

    /// <summary>The customer declined the workflow.</summary>
    Decline,

    /// <summary>The business cancelled the workflow.</summary>
    Cancel,

    /// <summary>The business moved the expiry to <see cref="WorkflowEvent.NewExpireAt"/>.</summary>
    Extend,

    /// <summary>The business asked to send the SMS again.</summary>
    Resend,
}

/// <summary>
/// The single external event the orchestrator waits for (<see cref="EventName"/>), with a typed payload. It is
/// persisted in orchestration history, so it carries validated, tokenized and masked data only: never a card or
/// account number, a link token or a full phone number.
/// </summary>
public sealed record WorkflowEvent(
    WorkflowEventKind Kind,
    string? StepName = null,
    CustomerProfile? Profile = null,
    TokenizedCard? Card = null,
    TokenizedBankAccount? BankAccount = null,
    DateTime? NewExpireAt = null,
    DeclineReason? DeclineReason = null,
    string? Comment = null)
{
    /// <summary>The external event name raised for every workflow event.</summary>
    public const string EventName = "WorkflowEvent";

    public static WorkflowEvent Confirm(string stepName) => new(WorkflowEventKind.Submit, stepName);

    public static WorkflowEvent SubmitProfile(CustomerProfile profile) => new(WorkflowEventKind.Submit, StepNames.CustomerAccount, Profile: profile);

    public static WorkflowEvent SubmitCard(TokenizedCard card) => new(WorkflowEventKind.Submit, StepNames.FinancialAccount, Card: card);

    public static WorkflowEvent SubmitBankAccount(TokenizedBankAccount bankAccount) => new(WorkflowEventKind.Submit, StepNames.FinancialAccount, BankAccount: bankAccount);

    public static WorkflowEvent Decline(DeclineReason reason, string? comment) => new(WorkflowEventKind.Decline, DeclineReason: reason, Comment: comment);

    public static WorkflowEvent Cancel() => new(WorkflowEventKind.Cancel);

    public static WorkflowEvent Extend(DateTime newExpireAtUtc) => new(WorkflowEventKind.Extend, NewExpireAt: newExpireAtUtc);

    public static WorkflowEvent Resend() => new(WorkflowEventKind.Resend);
}
