namespace LinX.Core.Batches;

/// <summary>
/// A batch as posted, its header checked: the template (<see cref="TemplateId"/> or <see cref="TemplateName"/>), the
/// idempotency key (null: LinX makes one) and each entry's JSON as sent, not yet validated (that is per entry).
/// </summary>
public sealed record BatchRequest(Guid? TemplateId, string? TemplateName, string? IdempotencyKey, IReadOnlyList<string> Entries);
