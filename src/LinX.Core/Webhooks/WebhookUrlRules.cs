using System.Net;

namespace LinX.Core.Webhooks;

/// <summary>
/// Receiver URLs: absolute, at most 2048 characters, https only, no credentials or fragment; http only for loopback
/// hosts when loopback is allowed (local runs). Literal IP hosts are judged by <see cref="OutboundAddressPolicy"/>;
/// names are judged again on every connection, after resolution.
/// </summary>
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

        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(url.DnsSafeHost, out var address)
            && !OutboundAddressPolicy.IsAllowed(address, allowLoopback, allowPrivateNetworks))
        {
            problem = "The receiver URL points to an address LinX does not call (private, link-local or metadata).";
            return null;
        }

        return url;
    }
}
