using System.Text.Json.Serialization;

namespace LinX.Core.Workflows;

/// <summary>One step of a plan, with its typed parameters. Serialized with its name as discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "name")]
[JsonDerivedType(typeof(NotificationStep), StepNames.Notification)]
[JsonDerivedType(typeof(CustomerAccountStep), StepNames.CustomerAccount)]
[JsonDerivedType(typeof(LookupProfileStep), StepNames.LookupProfile)]
[JsonDerivedType(typeof(FinancialAccountStep), StepNames.FinancialAccount)]
[JsonDerivedType(typeof(LookupFinancialAccountStep), StepNames.LookupFinancialAccount)]
[JsonDerivedType(typeof(MoveMoneyStep), StepNames.MoveMoney)]
public abstract record WorkflowStep
{
    /// <summary>The step's contract name, e.g. <c>move-money</c>.</summary>
    [JsonIgnore]
    public abstract string Name { get; }
}

/// <summary>
/// Text the customer a link (channel <c>SMS</c>), or leave the link to the business (channel <c>BUSINESS</c>: it gets the
/// link in the create answer and hands it over itself; LinX texts nothing). <paramref name="PhoneNumber"/> is E.164.
/// </summary>
public sealed record NotificationStep(string Channel, string PhoneNumber, string? IntroductoryMessage) : WorkflowStep
{
    public const string SmsChannel = "SMS";

    public const string BusinessChannel = "BUSINESS";

    /// <summary>The business delivers the link itself: LinX sends no SMS and no reminders, and the evidence says so.</summary>
    [JsonIgnore]
    public bool DeliveredByBusiness => Channel == BusinessChannel;

    [JsonIgnore]
    public override string Name => StepNames.Notification;
}

/// <summary>The customer creates a new profile.</summary>
public sealed record CustomerAccountStep : WorkflowStep
{
    [JsonIgnore]
    public override string Name => StepNames.CustomerAccount;
}

/// <summary>An existing customer of the business confirms their profile.</summary>
public sealed record LookupProfileStep(Guid CustomerId) : WorkflowStep
{
    [JsonIgnore]
    public override string Name => StepNames.LookupProfile;
}

/// <summary>The customer adds a card or a bank account of the given sub-type.</summary>
public sealed record FinancialAccountStep(FinancialAccountSubType FinancialAccountSubType) : WorkflowStep
{
    [JsonIgnore]
    public override string Name => StepNames.FinancialAccount;
}

/// <summary>The customer confirms one of their existing financial accounts.</summary>
public sealed record LookupFinancialAccountStep(Guid CustomerFinancialAccountId) : WorkflowStep
{
    [JsonIgnore]
    public override string Name => StepNames.LookupFinancialAccount;
}

/// <summary>The customer accepts a transaction.</summary>
public sealed record MoveMoneyStep(
    TransactionType TransactionType,
    PaymentSolution Solution,
    Guid BaFinancialAccountId,
    string Currency,
    decimal Amount,
    PaymentPriority Priority,
    string? Description,
    string? Memo,
    string PaymentReasonId) : WorkflowStep
{
    [JsonIgnore]
    public override string Name => StepNames.MoveMoney;
}
