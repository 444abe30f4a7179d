using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using LinX.Core;
using LinX.Core.Notifications;
using LinX.Infrastructure.Sms;
using Microsoft.Extensions.Options;

namespace LinX.Local.Dev;

/// <summary>
/// The dev SMS inbox: <c>/dev/sms</c> (a page with each message, its workflow and its clickable link) and
/// <c>/dev/sms.json</c> (the same for scripts and tests). Development only: the messages hold link tokens.
/// Only LinX's own links (<c>{PublicBaseUrl}/linx/{token}</c>) are clickable; every other text, link-like or not, is
/// shown as text, so the inbox never lends a click to an address a business put in its message. With time travel on
/// (<see cref="LinXOptions.DevTimeTravel"/>) each message has Remind now and Expire now buttons, which post to
/// <see cref="DevTimeTravelEndpoints"/> with the business API key typed into the page (kept in the tab's session storage).
/// Each message has Reply STOP and Reply START buttons: the customer's reply, through the inbound SMS handler.
/// </summary>
public static class DevSmsEndpoints
{
    public static IEndpointRouteBuilder MapDevSmsInbox(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dev/sms.json", (DevSmsInbox inbox, IOptions<LinXOptions> options) => Results.Json(inbox.Messages.Select(m => new
        {
            m.MessageId,
            m.WorkflowId,
            m.To,
            m.Body,
            m.SentAt,
            Link = OwnLinks(m.Body, LinkPrefix(options)).LastOrDefault()?.Value ?? string.Empty,
        }))).ExcludeFromDescription();
        app.MapGet("/dev/sms", (HttpContext http, DevSmsInbox inbox, IOptions<LinXOptions> options) =>
        {
            // The page's only script and style carry this nonce: nothing in a message body can run, whatever it holds.
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            http.Response.Headers.ContentSecurityPolicy =
                $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
            return Results.Content(Render(inbox.Messages, LinkPrefix(options), options.Value.DevTimeTravel, nonce), "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        return app.MapDevSmsReplies();
    }

    /// <summary>Where LinX's own links start: <c>{PublicBaseUrl}/linx/</c>, as <see cref="SmsComposer.Link"/> writes them.</summary>
    private static string LinkPrefix(IOptions<LinXOptions> options) => options.Value.PublicBaseUrl.TrimEnd('/') + "/linx/";

    /// <summary>
    /// LinX's own links in a text: the prefix, then a token. The composer writes the real link last; anything else that
    /// looks like a link (one a business slipped into its message, say) is not one of these and stays text.
    /// </summary>
    private static MatchCollection OwnLinks(string body, string prefix) =>
        Regex.Matches(body, Regex.Escape(prefix) + "[A-Za-z0-9_-]+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static string Render(IReadOnlyList<DevSms> messages, string linkPrefix, bool timeTravel, string nonce)
    {
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer"><meta name="robots" content="noindex"><title>LinX dev SMS inbox</title><link rel="icon" href="data:,">
            <style nonce="{{nonce}}">
            body{font-family:system-ui,sans-serif;margin:0;background:#f2f4f8;color:#0f1b33;line-height:1.5}
            header{background:#0f1b33;color:#fff;padding:.9rem 1rem}header h1{margin:0 auto;max-width:44rem;font-size:1.15rem}
            main{max-width:44rem;margin:0 auto;padding:1rem .75rem}.meta{color:#475467;font-size:.875rem;margin:0}
            .bar{display:flex;justify-content:space-between;align-items:center;gap:1rem;flex-wrap:wrap}
            .bar a{color:#1d4ed8;font-weight:600}ol{padding:0;margin:1rem 0}
            li{list-style:none;background:#fff;border:1px solid #d0d5dd;border-radius:.75rem;padding:.75rem 1rem;margin:.6rem 0}
            li p.body{margin:.35rem 0 0;white-space:pre-wrap;overflow-wrap:anywhere}
            a.gateway{color:#1d4ed8;font-weight:600}a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
            .dev{display:inline-block;background:#fef0c7;color:#7a2e0e;border-radius:.35rem;padding:0 .4rem;font-size:.75rem;font-weight:700;margin-left:.4rem;vertical-align:middle}
            .travel{display:flex;gap:.5rem;flex-wrap:wrap;margin:.5rem 0 0}button{font:inherit;font-size:.875rem;border:1px solid #1d4ed8;color:#1d4ed8;background:#fff;border-radius:.5rem;padding:.25rem .7rem;cursor:pointer}
            button:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}label{font-size:.875rem}input{font:inherit;font-size:.875rem;padding:.2rem .4rem;margin-left:.4rem}
            </style></head>
            <body><header><h1>LinX dev SMS inbox <span class="dev">DEVELOPMENT</span></h1></header><main>
            <div class="bar"><p class="meta">Text messages LinX “sent” since this host started, newest first. Open a link to act as the customer.</p>
            <a href="/dev/sms">Refresh</a></div>
            <p id="reply-status" class="meta" role="status" aria-live="polite"></p>
            """);
        if (timeTravel)
        {
            html.Append("""
                <p class="meta">Time travel: <strong>Remind now</strong> sends the workflow's next reminder, <strong>Expire now</strong> expires it, without waiting.</p>
                <p><label>Business API key <input id="api-key" type="password" autocomplete="off" spellcheck="false"></label></p>
                <p id="travel-status" class="meta" role="status" aria-live="polite"></p>
                """);
        }

        html.Append("<ol>");
        foreach (var sms in messages)
        {
            var workflow = sms.WorkflowId is { } id ? $" · workflow {id:D}" : string.Empty;
            html.Append(CultureInfo.InvariantCulture,
                $"<li><p class=\"meta\">To {WebUtility.HtmlEncode(sms.To)} · {sms.SentAt:yyyy-MM-dd HH:mm:ss} UTC{workflow}</p><p class=\"body\">");
            var shown = 0;
            foreach (Match link in OwnLinks(sms.Body, linkPrefix))
            {
                var encoded = WebUtility.HtmlEncode(link.Value);
                html.Append(WebUtility.HtmlEncode(sms.Body[shown..link.Index]))
                    .Append(CultureInfo.InvariantCulture, $"<a class=\"gateway\" rel=\"noreferrer\" href=\"{encoded}\">{encoded}</a>");
                shown = link.Index + link.Length;
            }

            html.Append(WebUtility.HtmlEncode(sms.Body[shown..])).Append("</p>");
            html.Append(CultureInfo.InvariantCulture, $"""
                <p class="travel"><button type="button" data-reply="STOP" data-message="{WebUtility.HtmlEncode(sms.MessageId)}">Reply STOP</button>
                <button type="button" data-reply="START" data-message="{WebUtility.HtmlEncode(sms.MessageId)}">Reply START</button></p>
                """);
            if (timeTravel && sms.WorkflowId is { } workflowId)
            {
                html.Append(CultureInfo.InvariantCulture, $"""
                    <p class="travel"><button type="button" data-travel="remind-now" data-workflow="{workflowId:D}">Remind now</button>
                    <button type="button" data-travel="expire-now" data-workflow="{workflowId:D}">Expire now</button></p>
                    """);
            }

            html.Append("</li>");
        }

        if (messages.Count == 0)
        {
            html.Append("<li>No messages yet. Post a workflow to /api/linx/workflows.</li>");
        }

        html.Append("</ol></main>").Append(CultureInfo.InvariantCulture, $"<script nonce=\"{nonce}\">{ReplyScript}</script>");
        if (timeTravel)
        {
            html.Append(CultureInfo.InvariantCulture, $"<script nonce=\"{nonce}\">{TimeTravelScript}</script>");
        }

        return html.Append("</body></html>").ToString();
    }

    /// <summary>Posts the customer's STOP or START reply to a message (<see cref="DevSmsReplyEndpoints"/>) and says how it went.</summary>
    private const string ReplyScript = """
        const replyStatus = document.getElementById("reply-status");
        document.addEventListener("click", async (event) => {
          const button = event.target.closest("button[data-reply]");
          if (!button) return;
          const { reply, message } = button.dataset;
          const response = await fetch(`/dev/sms/${encodeURIComponent(message)}/reply/${reply}`, { method: "POST" });
          const body = await response.json().catch(() => ({}));
          replyStatus.textContent = response.ok
            ? `Replied ${reply}: ${body.optOutsChanged ? "the opt-out list changed" : "nothing changed"}.`
            : `Reply refused (${response.status}).`;
        });
        """;

    /// <summary>Posts a button's time travel with the typed key and says how it went; the key stays in this tab.</summary>
    private const string TimeTravelScript = """
        const key = document.getElementById("api-key");
        const status = document.getElementById("travel-status");
        key.value = sessionStorage.getItem("linx-dev-api-key") || "";
        key.addEventListener("input", () => sessionStorage.setItem("linx-dev-api-key", key.value.trim()));
        document.addEventListener("click", async (event) => {
          const button = event.target.closest("button[data-travel]");
          if (!button) return;
          const { travel, workflow } = button.dataset;
          status.textContent = `${travel} ${workflow}…`;
          const response = await fetch(`/dev/workflows/${workflow}/${travel}`, { method: "POST", headers: { Authorization: `Bearer ${key.value.trim()}` } });
          const body = await response.json().catch(() => ({}));
          status.textContent = response.ok
            ? `${travel} accepted for workflow ${workflow}: refresh in a moment to see its SMS.`
            : `${travel} refused (${response.status}): ${body.detail || body.title || "no reason given"}`;
        });
        """;
}
