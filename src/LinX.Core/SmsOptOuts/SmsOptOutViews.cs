namespace LinX.Core.SmsOptOuts;

/// <summary>An opt-out as its business reads it: the full number is the business's own customer's.</summary>
/// <remarks><c>Id</c>: opaque; <c>DELETE /api/linx/sms-opt-outs/{id}</c> removes it. <c>Source</c>: API or SMS (a STOP reply).</remarks>
public sealed record SmsOptOutView(string Id, string PhoneNumber, SmsOptOutSource Source, DateTimeOffset OptedOutAt)
{
    public static SmsOptOutView From(SmsOptOut optOut)
    {
        ArgumentNullException.ThrowIfNull(optOut);
        return new(optOut.Id, optOut.PhoneNumber, optOut.Source, optOut.OptedOutAt);
    }
}

/// <summary>One page of opt-outs and the token of the next (null on the last page).</summary>
public sealed record SmsOptOutListView(IReadOnlyList<SmsOptOutView> Items, string? NextPageToken);

/// <summary>The body of <c>POST /api/linx/sms-opt-outs</c>.</summary>
/// <param name="PhoneNumber">The number in international form, such as +16471234567.</param>
public sealed record SmsOptOutRequest(string PhoneNumber);

/// <summary>The answer to an add: the opt-out, and whether this request created it (false: it was there already).</summary>
public sealed record SmsOptOutAdded(SmsOptOutView OptOut, bool Created);
