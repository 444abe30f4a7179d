using System.Text.Json.Serialization;

namespace LinX.Core.Templates;

/// <summary>
/// The state of a template (all its versions): ACTIVE creates workflows; SUSPENDED and ARCHIVED do not (a SUSPENDED
/// template can be made ACTIVE again, an ARCHIVED one too); DELETED is final and hidden from search. Workflows already
/// created from a template run on whatever its state becomes.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TemplateState>))]
public enum TemplateState
{
    [JsonStringEnumMemberName("ACTIVE")] Active,
    [JsonStringEnumMemberName("SUSPENDED")] Suspended,
    [JsonStringEnumMemberName("ARCHIVED")] Archived,
    [JsonStringEnumMemberName("DELETED")] Deleted,
}

/// <summary>Helpers on <see cref="TemplateState"/>.</summary>
public static class TemplateStateExtensions
{
    /// <summary>The contract's spelling, e.g. <c>SUSPENDED</c>.</summary>
    public static string ToContractString(this TemplateState state) => state.ToString().ToUpperInvariant();

    /// <summary>The state spelled <paramref name="wire"/> (exact case), or null.</summary>
    public static TemplateState? Parse(string? wire) =>
        Enum.GetValues<TemplateState>().Where(s => s.ToContractString() == wire).Select(s => (TemplateState?)s).FirstOrDefault();

    /// <summary>
    /// Whether a template may go from <paramref name="from"/> to <paramref name="to"/>: between ACTIVE, SUSPENDED and
    /// ARCHIVED freely, to DELETED from any of them, never out of DELETED. The same state again is allowed (idempotent).
    /// </summary>
    public static bool CanBecome(this TemplateState from, TemplateState to) => from != TemplateState.Deleted || to == TemplateState.Deleted;
}
