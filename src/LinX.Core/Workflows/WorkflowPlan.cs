namespace LinX.Core.Workflows;

/// <summary>
/// A validated workflow request: what the orchestrator runs. Immutable; every value is typed and
/// normalised (E.164 phone number, decimal amount, expiry as a duration from creation).
/// </summary>
/// <param name="Title">The request's title, 1–100 characters.</param>
/// <param name="ExpireIn">How long after creation the request expires.</param>
/// <param name="PasscodeRequired">Whether the customer must enter a 6-digit passcode.</param>
/// <param name="CustomerMemo">Optional memo shown to the customer.</param>
/// <param name="Steps">The steps in order; the first is always the notification.</param>
public sealed record WorkflowPlan(
    string Title,
    TimeSpan ExpireIn,
    bool PasscodeRequired,
    string? CustomerMemo,
    IReadOnlyList<WorkflowStep> Steps)
{
    /// <summary>The locale the request asked for (<c>en</c>, <c>fr-CA</c>); null: the business's default.</summary>
    public string? Locale { get; init; }

    /// <summary>The template version the request was composed from (ADR 0021); null for a direct request.</summary>
    public Templates.TemplateReference? Template { get; init; }

    public NotificationStep Notification => Steps.OfType<NotificationStep>().Single();

    public MoveMoneyStep? MoveMoney => Steps.OfType<MoveMoneyStep>().SingleOrDefault();

    public bool Equals(WorkflowPlan? other) =>
        other is not null
        && Title == other.Title
        && ExpireIn == other.ExpireIn
        && PasscodeRequired == other.PasscodeRequired
        && CustomerMemo == other.CustomerMemo
        && Locale == other.Locale
        && Template == other.Template
        && Steps.SequenceEqual(other.Steps);

    public override int GetHashCode() => HashCode.Combine(Title, ExpireIn, Steps.Count);
}
