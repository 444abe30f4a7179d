using System.Text.Json.Serialization;
using LinX.Core.Accounts;
using LinX.Core.Customers;
using LinX.Core.Security;
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

    /// <summary>Time travel (Development only): send the next reminder now. Ignored unless <see cref="LinxOrchestrationInput.DevTimeTravel"/>.</summary>
    RemindNow,

    /// <summary>Time travel (Development only): expire the workflow now. Ignored unless <see cref="LinxOrchestrationInput.DevTimeTravel"/>.</summary>
    ExpireNow,
}

/// <summary>
/// The single external event the orchestrator waits for (<see cref="EventName"/>), with a typed payload. It is
/// persisted in orchestration history, so it carries no personal data in the clear: the customer's profile and their
/// tokenized card or bank account are sealed by the Gateway (<see cref="Gateway.CustomerSubmissions"/>) and opened only
/// by the activity that stores them (ADR 0011); never a card or account number, a link token or a full phone number.
/// </summary>
/// <remarks>
/// <c>Profile</c>, <c>Card</c>, <c>BankAccount</c>: read only, the plain submissions of histories written before ADR 0011;
/// removed with the other legacy shapes once no such instance runs. <c>Attempt</c>: on a move-money submission carrying a
/// replacement card or bank account, the payment attempt it is for (2 or 3, ADR 0016); a copy for an attempt already made is ignored.
/// </remarks>
public sealed record WorkflowEvent(
    WorkflowEventKind Kind,
    string? StepName = null,
    Sealed<CustomerProfile>? SealedProfile = null,
    Sealed<TokenizedCard>? SealedCard = null,
    Sealed<TokenizedBankAccount>? SealedBankAccount = null,
    DateTime? NewExpireAt = null,
    DeclineReason? DeclineReason = null,
    string? Comment = null,
    CustomerProfile? Profile = null,
    TokenizedCard? Card = null,
    TokenizedBankAccount? BankAccount = null,
    int? Attempt = null)
{
    /// <summary>The external event name raised for every workflow event.</summary>
    public const string EventName = "WorkflowEvent";

    /// <summary>What the customer entered on an enhance-profile step, sealed by the Gateway.</summary>
    public Sealed<ProfileEnhancement>? SealedEnhancement { get; init; }

    /// <summary>An enhance-profile submission.</summary>
    [JsonIgnore]
    public bool HasEnhancement => SealedEnhancement is not null;

    /// <summary>A profile submission, sealed or (legacy) plain.</summary>
    [JsonIgnore]
    public bool HasProfile => SealedProfile is not null || Profile is not null;

    /// <summary>A card submission, sealed or (legacy) plain.</summary>
    [JsonIgnore]
    public bool HasCard => SealedCard is not null || Card is not null;

    /// <summary>A bank account submission, sealed or (legacy) plain.</summary>
    [JsonIgnore]
    public bool HasBankAccount => SealedBankAccount is not null || BankAccount is not null;

    public static WorkflowEvent Confirm(string stepName) => new(WorkflowEventKind.Submit, stepName);

    public static WorkflowEvent SubmitProfile(Sealed<CustomerProfile> profile) => new(WorkflowEventKind.Submit, StepNames.CustomerAccount, SealedProfile: profile);

    public static WorkflowEvent SubmitEnhancement(Sealed<ProfileEnhancement> enhancement) =>
        new(WorkflowEventKind.Submit, StepNames.EnhanceProfile) { SealedEnhancement = enhancement };

    public static WorkflowEvent SubmitCard(Sealed<TokenizedCard> card) => new(WorkflowEventKind.Submit, StepNames.FinancialAccount, SealedCard: card);

    public static WorkflowEvent SubmitBankAccount(Sealed<TokenizedBankAccount> bankAccount) =>
        new(WorkflowEventKind.Submit, StepNames.FinancialAccount, SealedBankAccount: bankAccount);

    /// <summary>The customer's replacement account for payment attempt <paramref name="attempt"/>, from a card or bank account submission.</summary>
    public static WorkflowEvent Retry(WorkflowEvent account, int attempt)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account with { StepName = StepNames.MoveMoney, Attempt = attempt };
    }

    public static WorkflowEvent Decline(DeclineReason reason, string? comment) => new(WorkflowEventKind.Decline, DeclineReason: reason, Comment: comment);

    public static WorkflowEvent Cancel() => new(WorkflowEventKind.Cancel);

    public static WorkflowEvent Extend(DateTime newExpireAtUtc) => new(WorkflowEventKind.Extend, NewExpireAt: newExpireAtUtc);

    public static WorkflowEvent Resend() => new(WorkflowEventKind.Resend);

    public static WorkflowEvent RemindNow() => new(WorkflowEventKind.RemindNow);

    public static WorkflowEvent ExpireNow() => new(WorkflowEventKind.ExpireNow);
}
