using System.Text.Json;
using LinX.Core;
using LinX.Core.SmsOptOuts;
using LinX.Infrastructure.Sms;

namespace LinX.Local.Dev;

/// <summary>
/// <c>POST /dev/sms/{messageId}/reply/{keyword}</c>: the customer's reply (STOP or START) to a message of the dev inbox,
/// as ACS would deliver it through Event Grid (one <c>Microsoft.Communication.SMSReceived</c> event), handed to the same
/// <see cref="InboundSmsService"/> as the real endpoint. Mapped only with the dev inbox; it needs no secret header because
/// it is not reachable where the inbox is not.
/// </summary>
public static class DevSmsReplyEndpoints
{
    private static readonly string[] Keywords = ["STOP", "START"];

    public static IEndpointRouteBuilder MapDevSmsReplies(this IEndpointRouteBuilder app)
    {
        app.MapPost("/dev/sms/{messageId}/reply/{keyword}", ReplyAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReplyAsync(
        string messageId, string keyword, DevSmsInbox inbox, InboundSmsService inbound, TimeProvider time, CancellationToken cancellationToken)
    {
        if (inbox.Messages.FirstOrDefault(m => m.MessageId == messageId) is not { } sms || !Keywords.Contains(keyword, StringComparer.Ordinal))
        {
            return Results.NotFound();
        }

        var now = time.GetUtcNow();
        var delivery = JsonSerializer.SerializeToUtf8Bytes(new[]
        {
            new
            {
                id = Guid.NewGuid(),
                topic = "/dev/sms-inbox",
                subject = "/phonenumber/dev",
                eventType = "Microsoft.Communication.SMSReceived",
                eventTime = now,
                dataVersion = "1.0",
                data = new { messageId = "dev-reply-" + Guid.NewGuid().ToString("N"), from = sms.To, to = "+10000000000", message = keyword, receivedTimestamp = now },
            },
        });
        var result = await inbound.HandleAsync(delivery, cancellationToken);
        return result.IsSuccess ? Results.Json(result.Value) : Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: result.Errors[0].Message);
    }
}
