using LinX.Api.SmsOptOuts;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions.Http;

/// <summary>
/// HTTP triggers of the SMS opt-out list and of ACS's inbound SMS events, one line each onto <see cref="SmsOptOutEndpoints"/>
/// and <see cref="InboundSmsEndpoints"/>. Anonymous at the Functions level: the business API key, or the Event Grid
/// subscription's secret header, is checked by the handlers.
/// </summary>
public static class SmsOptOutFunctions
{
    private const string Base = "api/linx/sms-opt-outs";

    [Function("ListSmsOptOuts")]
    public static Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base)] HttpRequest req) =>
        SmsOptOutEndpoints.ListAsync(req.HttpContext);

    [Function("AddSmsOptOut")]
    public static Task<IResult> AddAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base)] HttpRequest req) =>
        SmsOptOutEndpoints.AddAsync(req.HttpContext);

    [Function("RemoveSmsOptOut")]
    public static Task<IResult> RemoveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Base + "/{id}")] HttpRequest req, string id) =>
        SmsOptOutEndpoints.RemoveAsync(req.HttpContext, id);

    [Function("ReceiveAcsSmsEvents")]
    public static Task<IResult> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/events/acs/sms-received")] HttpRequest req) =>
        InboundSmsEndpoints.ReceiveAsync(req.HttpContext);
}
