namespace LinX.Core.SmsOptOuts;

/// <summary>
/// The numbers that opted out of each business's SMS, and what the inbound SMS handler needs: which business last texted
/// a number, and which inbound messages were handled. A number is found by a keyed hash (never by itself); it is stored
/// only encrypted, to be listed back to its business.
/// </summary>
public interface ISmsOptOutStore
{
    /// <summary>Whether <paramref name="e164"/> opted out of the business.</summary>
    Task<bool> IsOptedOutAsync(Guid businessId, string e164, CancellationToken cancellationToken);

    /// <summary>Opts the number out of the business; an existing opt-out is kept as it is (<c>Created</c> false).</summary>
    Task<(SmsOptOut OptOut, bool Created)> AddAsync(Guid businessId, string e164, SmsOptOutSource source, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Removes an opt-out by its id; false when the business has none of that id.</summary>
    Task<bool> RemoveAsync(Guid businessId, string id, CancellationToken cancellationToken);

    /// <summary>Removes the number's opt-out of the business, if any.</summary>
    Task<bool> RemoveNumberAsync(Guid businessId, string e164, CancellationToken cancellationToken);

    /// <summary>The business's opt-outs in id order (no meaning: ids are hashes), <paramref name="size"/> at a time.</summary>
    Task<SmsOptOutPage> ListAsync(Guid businessId, int size, string? pageToken, CancellationToken cancellationToken);

    /// <summary>Remembers that the business texted the number (what a STOP reply opts it out of).</summary>
    Task RecordTextedAsync(Guid businessId, string e164, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The business that last texted the number, or null.</summary>
    Task<Guid?> LastTextedByAsync(string e164, CancellationToken cancellationToken);

    /// <summary>Whether the inbound message was handled already (Event Grid delivers at least once).</summary>
    Task<bool> WasHandledAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Marks the inbound message handled.</summary>
    Task MarkHandledAsync(string messageId, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>One number that opted out of a business. <c>Id</c> is opaque (a keyed hash): what removes it, with no number in a URL.</summary>
public sealed record SmsOptOut(string Id, Guid BusinessId, string PhoneNumber, SmsOptOutSource Source, DateTimeOffset OptedOutAt)
{
    /// <summary>Whether <paramref name="id"/> has the shape of an opt-out id or page token (64 lower-case hex digits).</summary>
    public static bool IsId(string? id) => id is { Length: 64 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}

/// <summary>A page of opt-outs; <c>NextPageToken</c> is null on the last page.</summary>
public sealed record SmsOptOutPage(IReadOnlyList<SmsOptOut> Items, string? NextPageToken);
