using P = LinX.Core.Workflows.WorkflowParameterNames;

namespace LinX.Core.Workflows;

/// <summary>The steps of the workflow contract (seed table), in order.</summary>
public static class StepCatalog
{
    public const int NotificationGroup = 1;
    public const int CustomerGroup = 2;
    public const int EnhanceProfileGroup = 3;
    public const int FinancialAccountGroup = 4;
    public const int DocumentAcceptanceGroup = 5;
    public const int MoveMoneyGroup = 6;

    public static StepDefinition Notification { get; } = new(
        StepNames.Notification, "Notification", NotificationGroup, IsInteractive: false,
        [Required(P.Channel), Required(P.PhoneNumber), Optional(P.IntroductoryMessage)]) { Description = "Send an SMS message to the Customer with a link to the request." };

    public static StepDefinition CustomerAccount { get; } = new(
        StepNames.CustomerAccount, "Create your profile", CustomerGroup, IsInteractive: true, []) { Description = "Create a new Customer Account for a new Customer." };

    public static StepDefinition LookupProfile { get; } = new(
        StepNames.LookupProfile, "Confirm your profile", CustomerGroup, IsInteractive: true,
        [Required(P.CustomerId)]) { Description = "Find an existing Customer Account." };

    /// <summary>Its parameters are in the step's <c>inputs.user</c> (<see cref="EnhanceProfileStep"/>), not in the flat parameters.</summary>
    public static StepDefinition EnhanceProfile { get; } = new(
        StepNames.EnhanceProfile, "Complete your profile", EnhanceProfileGroup, IsInteractive: true, [])
    {
        Description = "Prompt the Customer to enter additional profile information, such as their address.",
        HasUserInputs = true,
    };

    public static StepDefinition FinancialAccount { get; } = new(
        StepNames.FinancialAccount, "Add a card or bank account", FinancialAccountGroup, IsInteractive: true,
        [Required(P.FinancialAccountSubType)]) { Description = "Create a new external bank or card Financial Account for the Customer." };

    public static StepDefinition LookupFinancialAccount { get; } = new(
        StepNames.LookupFinancialAccount, "Confirm your account", FinancialAccountGroup, IsInteractive: true,
        [Required(P.CustomerFinancialAccountId)]) { Description = "Find an existing Financial Account for the Customer." };

    /// <summary>Its documents are in the step's <c>inputs.user</c> (<see cref="DocumentAcceptanceStep"/>), not in the flat parameters.</summary>
    public static StepDefinition DocumentAcceptance { get; } = new(
        StepNames.DocumentAcceptance, "Review and accept the documents", DocumentAcceptanceGroup, IsInteractive: true, [])
    {
        Description = "Require the Customer to accept one or more documents, such as a privacy policy or terms and conditions agreement.",
        HasUserInputs = true,
    };

    public static StepDefinition MoveMoney { get; } = new(
        StepNames.MoveMoney, "Accept the transaction", MoveMoneyGroup, IsInteractive: true,
        [
            Required(P.TransactionType), Required(P.Solution), Required(P.BaFinancialAccountId),
            Required(P.Currency), Required(P.Amount),
            new(P.Priority, ParameterRequirement.Conditional, "Required for ach and wire; push-to-card defaults to IMMEDIATE."),
            new(P.StartDateTime, ParameterRequirement.Conditional, "Required with priority SCHEDULED, refused with any other."),
            new(P.Description, ParameterRequirement.Conditional, "Required for wire; optional otherwise."),
            new(P.Memo, ParameterRequirement.Conditional, "Allowed for wire only."),
            Required(P.PaymentReasonId),
        ]) { Description = "Create a transaction using the Customer's Financial Account." };

    /// <summary>Every step, in contract order.</summary>
    public static IReadOnlyList<StepDefinition> All { get; } =
        [Notification, CustomerAccount, LookupProfile, EnhanceProfile, FinancialAccount, LookupFinancialAccount, DocumentAcceptance, MoveMoney];

    /// <summary>Every parameter name some step defines.</summary>
    public static IReadOnlySet<string> ParameterNames { get; } =
        All.SelectMany(s => s.Parameters).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The step named <paramref name="name"/> (case-sensitive), or null.</summary>
    public static StepDefinition? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    private static StepParameter Required(string name) => new(name, ParameterRequirement.Required);

    private static StepParameter Optional(string name) => new(name, ParameterRequirement.Optional);
}
