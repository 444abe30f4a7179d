using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LinX.Infrastructure.Sms;

namespace LinX.Local.Dev;

/// <summary>
/// The dev SMS inbox: <c>/dev/sms</c> (a page with each message and its clickable link) and
/// <c>/dev/sms.json</c> (the same for scripts and tests). Development only: the messages hold link tokens.
/// </summary>
public static partial class DevSmsEndpoints
{
    public static IEndpointRouteBuilder MapDevSmsInbox(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dev/sms.json", (DevSmsInbox inbox) => Results.Json(inbox.Messages.Select(m => new
        {
            m.MessageId,
            m.To,
            m.Body,
            m.SentAt,
            Link = LinkPattern().Match(m.Body).Value,
        }))).ExcludeFromDescription();
        app.MapGet("/dev/sms", (DevSmsInbox inbox) => Results.Content(Render(inbox.Messages), "text/html; charset=utf-8")).ExcludeFromDescription();
        return app;
    }

    private static string Render(IReadOnlyList<DevSms> messages)
    {
        var html = new StringBuilder("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer"><title>LinX dev SMS inbox</title>
            <style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:1rem auto;padding:0 1rem;color:#14213d}
            li{border:1px solid #cbd5e0;border-radius:.5rem;padding:.75rem;margin:.5rem 0;list-style:none}
            .meta{color:#4a5568;font-size:.9rem}p{white-space:pre-wrap;overflow-wrap:anywhere}</style></head>
            <body><h1>Dev SMS inbox</h1><p class="meta">Messages LinX "sent" since this host started, newest first. Reload to refresh.</p><ol>
            """);
        foreach (var sms in messages)
        {
            var body = WebUtility.HtmlEncode(sms.Body);
            var link = LinkPattern().Match(sms.Body).Value;
            if (link.Length > 0)
            {
                var encoded = WebUtility.HtmlEncode(link);
                body = body.Replace(encoded, $"<a href=\"{encoded}\">{encoded}</a>", StringComparison.Ordinal);
            }

            html.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"<li><div class=\"meta\">To {WebUtility.HtmlEncode(sms.To)} · {sms.SentAt:yyyy-MM-dd HH:mm:ss} UTC</div><p>{body}</p></li>");
        }

        if (messages.Count == 0)
        {
            html.Append("<li>No messages yet. Post a workflow to /api/linx/workflows.</li>");
        }

        return html.Append("</ol></body></html>").ToString();
    }

    [GeneratedRegex(@"https?://\S+/linx/[A-Za-z0-9_\-]+")]
    private static partial Regex LinkPattern();
}
