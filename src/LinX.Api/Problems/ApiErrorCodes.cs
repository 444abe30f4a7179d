using LinX.Core.Workflows;

namespace LinX.Api.Problems;

/// <summary>
/// The top-level <c>errorCode</c> of every problem response, part of the one catalogue with <see cref="WorkflowErrorCodes"/>
/// and <see cref="Core.ServiceErrorCodes"/> (docs/errors.md lists them all). Clients branch on these; never rename one.
/// </summary>
public static class ApiErrorCodes
{
    /// <summary>400: the body or a parameter breaks the contract; see <c>errors</c>.</summary>
    public const string ValidationFailed = "VALIDATION_FAILED";

    /// <summary>400: the body is larger than its limit (DESIGN.md: oversize bodies are 400, not 413).</summary>
    public const string BodyTooLarge = WorkflowErrorCodes.BodyTooLarge;

    /// <summary>400 (field-level): the body could not be read to its end (malformed chunked encoding, short of its Content-Length).</summary>
    public const string MalformedBody = "MALFORMED_BODY";

    /// <summary>422: the request names a customer or account that does not exist for this business.</summary>
    public const string UnprocessableReference = "UNPROCESSABLE_REFERENCE";

    /// <summary>404: no such resource for this caller (also another tenant's resource), or no such route.</summary>
    public const string NotFound = Core.ServiceErrorCodes.NotFound;

    /// <summary>409: the resource is not in a state that allows the operation.</summary>
    public const string Conflict = "CONFLICT";

    /// <summary>401: no valid credentials.</summary>
    public const string Unauthorized = "UNAUTHORIZED";

    /// <summary>423: the link is locked after too many wrong passcodes (the same code as the field-level one).</summary>
    public const string Locked = Core.ServiceErrorCodes.Locked;

    /// <summary>405: the route exists but not with this method.</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>415: the endpoint takes <c>application/json</c> only.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>429: too many requests for this API key, link or client address; see <c>Retry-After</c>.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>503: storage or the durable backend did not answer in time; retry after <c>Retry-After</c> seconds.</summary>
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";

    /// <summary>500: a fault on our side; nothing about it is disclosed.</summary>
    public const string InternalError = "INTERNAL_ERROR";
}
