namespace LinX.Core.Workflows;

/// <summary>One step as the business and the customer see it: name, status and masked display data.</summary>
public sealed record StepState(string Name, StepStatus Status, IReadOnlyDictionary<string, string>? Data = null)
{
    /// <summary>When the step took its <see cref="Status"/> (stamped when the row is written; null on rows from before it was kept).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>
    /// The step's id (RocketKOR's <c>steps[].id</c>): derived from the workflow and the step's place in it, so the same
    /// on every read and in every event, with nothing stored.
    /// </summary>
    public static Guid IdOf(Guid workflowId, int index) => Common.DeterministicId.From(workflowId, "step:" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public bool Equals(StepState? other) =>
        other is not null && Name == other.Name && Status == other.Status
        && (Data ?? Empty).Count == (other.Data ?? Empty).Count
        && (Data ?? Empty).All(pair => (other.Data ?? Empty).TryGetValue(pair.Key, out var value) && value == pair.Value);

    public override int GetHashCode() => HashCode.Combine(Name, Status);

    private static readonly Dictionary<string, string> Empty = [];
}
