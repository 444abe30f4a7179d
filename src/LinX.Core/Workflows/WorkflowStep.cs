using System.Text.Json.Serialization;
using LinX.Core.Customers;
using LinX.Core.Documents;

namespace LinX.Core.Workflows;

/// <summary>One step of a plan, with its typed parameters. Serialized with its name as discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "name")]
[JsonDerivedType(typeof(NotificationStep), StepNames.Notification)]
[JsonDerivedType(typeof(CustomerAccountStep), StepNames.CustomerAccount)]
[JsonDerivedType(typeof(LookupProfileStep), StepNames.LookupProfile)]
[JsonDerivedType(typeof(EnhanceProfileStep), StepNames.EnhanceProfile)]
[JsonDerivedType(typeof(FinancialAccountStep), StepNames.FinancialAccount)]
[JsonDerivedType(typeof(LookupFinancialAccountStep), StepNames.LookupFinancialAccount)]
[JsonDerivedType(typeof(DocumentAcceptanceStep), StepNames.DocumentAcceptance)]
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

/// <summary>
/// The customer completes their profile with what the business asks for (at least one thing): personal details, one
/// address of each type asked, one phone number of each type asked. Each list is in request order, without duplicates.
/// </summary>
public sealed record EnhanceProfileStep(
    IReadOnlyList<PersonalInfoField> PersonalInfo, IReadOnlyList<AddressType> Addresses, IReadOnlyList<PhoneType> PhoneNumbers) : WorkflowStep
{
    [JsonIgnore]
    public override string Name => StepNames.EnhanceProfile;

    public bool Asks(PersonalInfoField field) => PersonalInfo.Contains(field);

    public bool Equals(EnhanceProfileStep? other) =>
        other is not null && PersonalInfo.SequenceEqual(other.PersonalInfo) && Addresses.SequenceEqual(other.Addresses)
        && PhoneNumbers.SequenceEqual(other.PhoneNumbers);

    public override int GetHashCode() => HashCode.Combine(PersonalInfo.Count, Addresses.Count, PhoneNumbers.Count);
}

/// <summary>The customer reads and accepts each of the business's documents, one by one.</summary>
/// <param name="Documents">In request order; each pinned to the version current when the workflow was created.</param>
public sealed record DocumentAcceptanceStep(IReadOnlyList<DocumentReference> Documents) : WorkflowStep
{
    [JsonIgnore]
    public override string Name => StepNames.DocumentAcceptance;

    public bool Equals(DocumentAcceptanceStep? other) => other is not null && Documents.SequenceEqual(other.Documents);

    public override int GetHashCode() => Documents.Count;
}

/// <summary>
/// A document of the business a step names: its group and id as the request gave them; the version and its SHA-256 as
/// LinX pinned them when it created the workflow (null until then).
/// </summary>
public sealed record DocumentReference(DocumentGroup DocumentGroup, string DocumentId, int? Version = null, string? Sha256 = null);

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
/// <remarks>
/// <c>StartDateTime</c>: when a SCHEDULED payment moves, with the offset the business gave; null for any other priority
/// (and in plans stored before ADR 0024).
/// </remarks>
public sealed record MoveMoneyStep(
    TransactionType TransactionType,
    PaymentSolution Solution,
    Guid BaFinancialAccountId,
    string Currency,
    decimal Amount,
    PaymentPriority Priority,
    string? Description,
    string? Memo,
    string PaymentReasonId,
    DateTimeOffset? StartDateTime = null) : WorkflowStep
{
    [JsonIgnore]
    public override string Name => StepNames.MoveMoney;
}
