namespace LinX.Core.Workflows;

/// <summary>One step as the business and the customer see it: name, status and masked display data.</summary>
public sealed record StepState(string Name, StepStatus Status, IReadOnlyDictionary<string, string>? Data = null)
{
    public bool Equals(StepState? other) =>
        other is not null && Name == other.Name && Status == other.Status
        && (Data ?? Empty).Count == (other.Data ?? Empty).Count
        && (Data ?? Empty).All(pair => (other.Data ?? Empty).TryGetValue(pair.Key, out var value) && value == pair.Value);

    public override int GetHashCode() => HashCode.Combine(Name, Status);

    private static readonly Dictionary<string, string> Empty = [];
}
