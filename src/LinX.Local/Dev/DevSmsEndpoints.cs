using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LinX.Core;
using LinX.Core.Notifications;
using LinX.Infrastructure.Sms;
using Microsoft.Extensions.Options;

namespace LinX.Local.Dev;

/// <summary>
/// The dev SMS inbox: <c>/dev/sms</c> (a page with each message and its clickable link) and
/// <c>/dev/sms.json</c> (the same for scripts and tests). Development only: the messages hold link tokens.
/// Only LinX's own links (<c>{PublicBaseUrl}/linx/{token}</c>) are clickable; every other text, link-like or not, is
/// shown as text, so the inbox never lends a click to an address a business put in its message.
/// </summary>
public static class DevSmsEndpoints
{
    public static IEndpointRouteBuilder MapDevSmsInbox(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dev/sms.json", (DevSmsInbox inbox, IOptions<LinXOptions> options) => Results.Json(inbox.Messages.Select(m => new
        {
            m.MessageId,
            m.To,
            m.Body,
            m.SentAt,
            Link = OwnLinks(m.Body, LinkPrefix(options)).LastOrDefault()?.Value ?? string.Empty,
        }))).ExcludeFromDescription();
        app.MapGet("/dev/sms", (DevSmsInbox inbox, IOptions<LinXOptions> options) =>
            Results.Content(Render(inbox.Messages, LinkPrefix(options)), "text/html; charset=utf-8")).ExcludeFromDescription();
        return app;
    }

    /// <summary>Where LinX's own links start: <c>{PublicBaseUrl}/linx/</c>, as <see cref="SmsComposer.Link"/> writes them.</summary>
    private static string LinkPrefix(IOptions<LinXOptions> options) => options.Value.PublicBaseUrl.TrimEnd('/') + "/linx/";

    /// <summary>
    /// LinX's own links in a text: the prefix, then a token. The composer writes the real link last; anything else that
    /// looks like a link (one a business slipped into its message, say) is not one of these and stays text.
    /// </summary>
    private static MatchCollection OwnLinks(string body, string prefix) =>
        Regex.Matches(body, Regex.Escape(prefix) + "[A-Za-z0-9_-]+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static string Render(IReadOnlyList<DevSms> messages, string linkPrefix)
    {
        var html = new StringBuilder("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer"><meta name="robots" content="noindex"><title>LinX dev SMS inbox</title><link rel="icon" href="data:,">
            <style>
            body{font-family:system-ui,sans-serif;margin:0;background:#f2f4f8;color:#0f1b33;line-height:1.5}
            header{background:#0f1b33;color:#fff;padding:.9rem 1rem}header h1{margin:0 auto;max-width:44rem;font-size:1.15rem}
            main{max-width:44rem;margin:0 auto;padding:1rem .75rem}.meta{color:#475467;font-size:.875rem;margin:0}
            .bar{display:flex;justify-content:space-between;align-items:center;gap:1rem;flex-wrap:wrap}
            .bar a{color:#1d4ed8;font-weight:600}ol{padding:0;margin:1rem 0}
            li{list-style:none;background:#fff;border:1px solid #d0d5dd;border-radius:.75rem;padding:.75rem 1rem;margin:.6rem 0}
            li p.body{margin:.35rem 0 0;white-space:pre-wrap;overflow-wrap:anywhere}
            a.gateway{color:#1d4ed8;font-weight:600}a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
            .dev{display:inline-block;background:#fef0c7;color:#7a2e0e;border-radius:.35rem;padding:0 .4rem;font-size:.75rem;font-weight:700;margin-left:.4rem;vertical-align:middle}
            </style></head>
            <body><header><h1>LinX dev SMS inbox <span class="dev">DEVELOPMENT</span></h1></header><main>
            <div class="bar"><p class="meta">Text messages LinX “sent” since this host started, newest first. Open a link to act as the customer.</p>
            <a href="/dev/sms">Refresh</a></div><ol>
            """);
        foreach (var sms in messages)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<li><p class=\"meta\">To {WebUtility.HtmlEncode(sms.To)} · {sms.SentAt:yyyy-MM-dd HH:mm:ss} UTC</p><p class=\"body\">");
            var shown = 0;
            foreach (Match link in OwnLinks(sms.Body, linkPrefix))
            {
                var encoded = WebUtility.HtmlEncode(link.Value);
                html.Append(WebUtility.HtmlEncode(sms.Body[shown..link.Index]))
                    .Append(CultureInfo.InvariantCulture, $"<a class=\"gateway\" rel=\"noreferrer\" href=\"{encoded}\">{encoded}</a>");
                shown = link.Index + link.Length;
            }

            html.Append(WebUtility.HtmlEncode(sms.Body[shown..])).Append("</p></li>");
        }

        if (messages.Count == 0)
        {
            html.Append("<li>No messages yet. Post a workflow to /api/linx/workflows.</li>");
        }

        return html.Append("</ol></main></body></html>").ToString();
    }
}
