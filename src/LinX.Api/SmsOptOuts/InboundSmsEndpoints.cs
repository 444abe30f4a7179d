using System.Text.Json.Serialization;
using LinX.Api.Http;
using LinX.Api.Problems;
using LinX.Core.SmsOptOuts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Api.SmsOptOuts;

/// <summary>
/// <c>POST /api/events/acs/sms-received</c>: ACS's inbound SMS as Azure Event Grid delivers them (Event Grid schema). No
/// API key: the delivery must carry the subscription's secret header (<see cref="InboundSmsOptions.SecretHeader"/>),
/// checked before the body is read; anything else is 401 (ADR 0015). Answers the validation handshake with
/// <c>{ "validationResponse": code }</c>, and 200 once the delivery is applied.
/// </summary>
public static class InboundSmsEndpoints
{
    public const string Route = "/api/events/acs/sms-received";

    /// <summary>Checks the secret, then hands the events to <see cref="InboundSmsService"/>.</summary>
    public static async Task<IResult> ReceiveAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.RequestServices.GetRequiredService<InboundSmsAuthenticator>().IsValid(http.Request.Headers[InboundSmsOptions.SecretHeader]))
        {
            return ProblemResults.Unauthorized(http, $"A delivery of LinX's Event Grid subscription is required: the {InboundSmsOptions.SecretHeader} header.");
        }

        return await HandleAsync(http);
    }

    /// <summary>Applies a delivery whose secret was checked.</summary>
    private static async Task<IResult> HandleAsync(HttpContext http)
    {
        var body = await RequestBody.ReadAsync(http);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var result = await http.RequestServices.GetRequiredService<InboundSmsService>().HandleAsync(body.Bytes, http.RequestAborted);
        return ServiceResults.ToHttp(http, result, handled => handled.ValidationCode is { } code
            ? Results.Json(new ValidationResponse(code), ApiJson.Options)
            : Results.Json(handled, ApiJson.Options));
    }

    /// <summary>Event Grid's expected answer to <c>Microsoft.EventGrid.SubscriptionValidationEvent</c>.</summary>
    private sealed record ValidationResponse([property: JsonPropertyName("validationResponse")] string Code);
}
