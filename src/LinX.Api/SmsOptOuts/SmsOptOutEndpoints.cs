using LinX.Api.Http;
using LinX.Api.Problems;
using LinX.Core;
using LinX.Core.SmsOptOuts;
using LinX.Core.Workflows;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Api.SmsOptOuts;

/// <summary>
/// The business's SMS opt-out list (<c>/api/linx/sms-opt-outs</c>), host-neutral: list, add (idempotent: 201 when new,
/// 200 when the number was listed already), remove by the opaque id of the list, so that no phone number sits in a URL.
/// </summary>
public static class SmsOptOutEndpoints
{
    private const string PageTokenName = "pageToken";

    /// <summary><c>GET</c>: one page (<c>size</c>, <c>pageToken</c>) of the business's opt-outs.</summary>
    public static Task<IResult> ListAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, async business =>
    {
        var errors = new List<FieldError>();
        var size = QueryParameters.Int(http.Request.Query, "size", QueryParameters.DefaultPageSize, 1, QueryParameters.MaxPageSize, errors);
        var pageToken = QueryParameters.Text(http.Request.Query, PageTokenName, 64, errors);
        if (pageToken is not null && !SmsOptOut.IsId(pageToken))
        {
            errors.Add(new FieldError("query." + PageTokenName, "pageToken must be the nextPageToken of the page before.", WorkflowErrorCodes.InvalidValue));
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(http, errors);
        }

        var result = await Service(http).ListAsync(business, size, pageToken, http.RequestAborted);
        return ServiceResults.ToHttp(http, result, page => Results.Json(page, ApiJson.Options));
    });

    /// <summary><c>POST</c> <c>{ "phoneNumber": "+16471234567" }</c>: the number is never texted for the business again.</summary>
    public static Task<IResult> AddAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, async business =>
    {
        var body = await RequestBody.ReadJsonAsync(http);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var result = await Service(http).AddAsync(business, body.Bytes, http.RequestAborted);
        return ServiceResults.ToHttp(http, result, added => Results.Json(
            added.OptOut, ApiJson.Options, statusCode: added.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK));
    });

    /// <summary><c>DELETE /{id}</c>: 204; the number may be texted again. Another business's id is 404.</summary>
    public static Task<IResult> RemoveAsync(HttpContext http, string id) => BusinessAuthentication.RunAsync(http, async business =>
        ServiceResults.ToHttp(http, await Service(http).RemoveAsync(business, id, http.RequestAborted), _ => Results.NoContent()));

    private static SmsOptOutService Service(HttpContext http) => http.RequestServices.GetRequiredService<SmsOptOutService>();
}
