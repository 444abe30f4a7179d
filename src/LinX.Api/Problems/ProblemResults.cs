using System.Diagnostics;
using LinX.Api.Http;
using LinX.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace LinX.Api.Problems;

/// <summary>
/// The one place where LinX builds error responses: RFC 9457 problem details as <see cref="IResult"/>s,
/// usable from Minimal API handlers and from Azure Functions HTTP triggers with ASP.NET Core
/// integration (pass <c>request.HttpContext</c>). Details never carry personal data or exception text.
/// </summary>
public static class ProblemResults
{
    public const string ContentType = "application/problem+json";

    /// <summary>400 VALIDATION_FAILED listing every problem found.</summary>
    public static IResult Validation(HttpContext httpContext, IReadOnlyList<FieldError> errors, string? detail = null) =>
        Problem(httpContext, StatusCodes.Status400BadRequest, ApiErrorCodes.ValidationFailed,
            detail ?? $"The request has {errors.Count} problem(s); see errors.", errors);

    /// <summary>400 BODY_TOO_LARGE: DESIGN.md makes oversize bodies a client error of the contract, not a 413.</summary>
    public static IResult BodyTooLarge(HttpContext httpContext, long maxBytes)
    {
        var detail = $"The body must be at most {maxBytes} bytes.";
        return Problem(httpContext, StatusCodes.Status400BadRequest, ApiErrorCodes.BodyTooLarge, detail,
            [new FieldError("$", detail, ApiErrorCodes.BodyTooLarge)]);
    }

    /// <summary>
    /// 422: the request is valid but cannot be carried out for this business: it names a customer or account the business
    /// does not have, or a phone number LinX may not text for it (another country, or one that opted out); see errors.
    /// </summary>
    public static IResult UnprocessableReference(HttpContext httpContext, IReadOnlyList<FieldError> errors, string? detail = null) =>
        Problem(httpContext, StatusCodes.Status422UnprocessableEntity, ApiErrorCodes.UnprocessableReference,
            detail ?? "The request is valid but cannot be carried out for this business (an unknown customer or account, or a number LinX may not text); see errors.", errors);

    /// <summary>404: also for another tenant's resource, so that existence is not disclosed.</summary>
    public static IResult NotFound(HttpContext httpContext, string detail = "The resource does not exist.") =>
        Problem(httpContext, StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, detail);

    /// <summary>409 with a specific code, e.g. IDEMPOTENCY_KEY_REUSED or STEP_NOT_CURRENT.</summary>
    public static IResult Conflict(HttpContext httpContext, string detail, string errorCode = ApiErrorCodes.Conflict) =>
        Problem(httpContext, StatusCodes.Status409Conflict, errorCode, detail);

    /// <summary>401 with <c>WWW-Authenticate: Bearer</c>.</summary>
    public static IResult Unauthorized(HttpContext httpContext, string detail = "A valid API key is required: Authorization: Bearer <key>.") =>
        new ResultWithHeader(
            Problem(httpContext, StatusCodes.Status401Unauthorized, ApiErrorCodes.Unauthorized, detail),
            HeaderNames.WWWAuthenticate, "Bearer");

    /// <summary>423: the link is locked (too many wrong passcodes).</summary>
    public static IResult Locked(HttpContext httpContext, string detail = "This link is locked.", string errorCode = ApiErrorCodes.Locked) =>
        Problem(httpContext, StatusCodes.Status423Locked, errorCode, detail);

    /// <summary>
    /// 415 UNSUPPORTED_MEDIA_TYPE: JSON endpoints take <c>application/json</c> only (which also closes cross-origin form
    /// posts); <paramref name="detail"/> says what an endpoint of another body takes.
    /// </summary>
    public static IResult UnsupportedMediaType(HttpContext httpContext, string detail = "The body must be JSON: send Content-Type: application/json.") =>
        Problem(httpContext, StatusCodes.Status415UnsupportedMediaType, ApiErrorCodes.UnsupportedMediaType, detail);

    /// <summary>429 with <c>Retry-After</c> (whole seconds, at least 1).</summary>
    public static IResult TooManyRequests(
        HttpContext httpContext, TimeSpan retryAfter, string detail = "Too many requests; retry later.", string errorCode = ApiErrorCodes.RateLimited) =>
        WithRetryAfter(Problem(httpContext, StatusCodes.Status429TooManyRequests, errorCode, detail), retryAfter);

    /// <summary>503 SERVICE_UNAVAILABLE with <c>Retry-After</c>: a dependency (storage, the durable backend) failed or timed out.</summary>
    public static IResult ServiceUnavailable(HttpContext httpContext, TimeSpan retryAfter) =>
        WithRetryAfter(
            Problem(httpContext, StatusCodes.Status503ServiceUnavailable, ApiErrorCodes.ServiceUnavailable,
                "LinX cannot reach its storage right now. Retry after the Retry-After delay; a create retried with the same Idempotency-Key is never duplicated."),
            retryAfter);

    /// <summary>The problem of a status the framework answered without a body: 404 for an unknown route, 405 for a wrong method, 415 for a body type the route does not declare.</summary>
    public static IResult ForStatus(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var status = httpContext.Response.StatusCode;
        return status switch
        {
            StatusCodes.Status404NotFound => NotFound(httpContext, "No such route: check the path against the API reference."),
            StatusCodes.Status405MethodNotAllowed => Problem(
                httpContext, status, ApiErrorCodes.MethodNotAllowed, $"This route does not take {httpContext.Request.Method}; see the Allow header."),
            // Routing's own check of a route's declared body types (Accepts) answers before the handler does.
            StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType(
                httpContext, "This route does not take a body of this Content-Type; see the API reference for the types it takes."),
            _ => Problem(httpContext, status, status >= 500 ? ApiErrorCodes.InternalError : ApiErrorCodes.ValidationFailed, ReasonPhrases.GetReasonPhrase(status)),
        };
    }

    /// <summary>500 for the exception handler: a fixed message, nothing from the exception.</summary>
    public static IResult InternalError(HttpContext httpContext) =>
        Problem(httpContext, StatusCodes.Status500InternalServerError, ApiErrorCodes.InternalError,
            "An unexpected error occurred. Quote the traceId if you contact support.");

    /// <summary>Any other problem; prefer the named factories.</summary>
    public static IResult Problem(HttpContext httpContext, int status, string errorCode, string detail, IReadOnlyList<FieldError>? errors = null) =>
        Results.Json(CreateBody(httpContext, status, errorCode, detail, errors), ApiJson.Options, ContentType, status);

    /// <summary>The body alone, for callers that write the response themselves.</summary>
    public static ProblemBody CreateBody(HttpContext httpContext, int status, string errorCode, string detail, IReadOnlyList<FieldError>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return new ProblemBody(TypeOf(status), ReasonPhrases.GetReasonPhrase(status), status, detail,
            Activity.Current?.Id ?? httpContext.TraceIdentifier, errorCode, errors ?? []);
    }

    private static ResultWithHeader WithRetryAfter(IResult result, TimeSpan retryAfter) =>
        new ResultWithHeader(result, HeaderNames.RetryAfter, Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string TypeOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        StatusCodes.Status401Unauthorized => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        StatusCodes.Status403Forbidden => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        StatusCodes.Status404NotFound => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        StatusCodes.Status409Conflict => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        StatusCodes.Status405MethodNotAllowed => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6",
        StatusCodes.Status410Gone => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.11",
        StatusCodes.Status413PayloadTooLarge => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        StatusCodes.Status415UnsupportedMediaType => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        StatusCodes.Status422UnprocessableEntity => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
        StatusCodes.Status423Locked => "https://www.rfc-editor.org/rfc/rfc4918#section-11.3",
        StatusCodes.Status429TooManyRequests => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        StatusCodes.Status500InternalServerError => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
        StatusCodes.Status503ServiceUnavailable => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        // Any other status: its class's section of RFC 9110, never about:blank (every LinX problem has a type to read).
        >= 500 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6",
        _ => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5",
    };
}
