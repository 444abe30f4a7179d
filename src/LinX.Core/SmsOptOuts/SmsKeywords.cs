namespace LinX.Core.SmsOptOuts;

/// <summary>
/// The replies that opt a number out (the CTIA's and Canada's usual STOP words, with French ARRET/ARRÊT) or back in. The
/// whole message is the keyword: trimmed, case-insensitive; "stop it please" is not one.
/// </summary>
public static class SmsKeywords
{
    /// <summary>Replies that opt the number out of the business that last texted it.</summary>
    public static IReadOnlySet<string> OptOut { get; } =
        new HashSet<string>(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET", "ARRÊT"], StringComparer.Ordinal);

    /// <summary>Replies that opt it back in.</summary>
    public static IReadOnlySet<string> OptIn { get; } = new HashSet<string>(["START", "UNSTOP", "YES"], StringComparer.Ordinal);

    /// <summary>What the message asks: true to opt out, false to opt back in, null for neither.</summary>
    public static bool? Meaning(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var word = message.Trim().ToUpperInvariant();
        return OptOut.Contains(word) ? true : OptIn.Contains(word) ? false : null;
    }
}
