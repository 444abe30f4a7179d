using System.Net;

namespace LinX.Core.Webhooks;

/// <summary>
/// Receiver URLs: absolute, at most 2048 characters, https only, no credentials or fragment; http only for loopback
/// hosts when loopback is allowed (local runs). Literal IP hosts are judged by <see cref="OutboundAddressPolicy"/>;
/// names are judged again on every connection, after resolution.
/// </summary>
/// <remarks>
/// The raw text must hold no control character (C0, DEL, C1) and no whitespace at all, not even leading or trailing:
/// <see cref="Uri"/> would trim or escape them and keep the raw text as <see cref="Uri.OriginalString"/>, which is
/// what is stored and shown. Percent-encoded octets (<c>%0d%0a</c>) stay allowed: they are data in the path or
/// query, sent encoded, and cannot split the request line or a header.
/// </remarks>
public static class WebhookUrlRules
{
    public const int MaxLength = 2048;

    /// <summary>The URL when valid, else null and the reason.</summary>
    public static Uri? Parse(string? text, bool allowLoopback, bool allowPrivateNetworks, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "The receiver URL is required.";
            return null;
        }

        if (text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            problem = "The receiver URL must not contain spaces, line breaks or other control characters.";
            return null;
        }

        if (text.Length > MaxLength || !Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            problem = $"The receiver URL must be an absolute URL of at most {MaxLength} characters.";
            return null;
        }

        var loopback = url.IsLoopback;
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && loopback && allowLoopback))
        {
            problem = allowLoopback ? "The receiver URL must use https (or http on a loopback host)." : "The receiver URL must use https.";
            return null;
        }

        if (url.UserInfo.Length > 0 || url.Fragment.Length > 0)
        {
            problem = "The receiver URL must not contain credentials or a fragment.";
            return null;
        }

        if (loopback && !allowLoopback)
        {
            problem = "The receiver URL must not be a loopback address.";
            return null;
        }

        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && RefusingBlock(url, allowLoopback, allowPrivateNetworks) is { } block)
        {
            problem = $"The receiver URL points to an address LinX does not call ({block}).";
            return null;
        }

        return url;
    }

    /// <summary><see cref="Uri.Host"/> (bracketed, without an IPv6 scope) always parses for an IP host; if it ever did not, refuse.</summary>
    private static string? RefusingBlock(Uri url, bool allowLoopback, bool allowPrivateNetworks) =>
        IPAddress.TryParse(url.Host, out var address)
            ? OutboundAddressPolicy.RefusingBlock(address, allowLoopback, allowPrivateNetworks)
            : "an unreadable IP address";
}
