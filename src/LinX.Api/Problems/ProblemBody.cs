using LinX.Core;

namespace LinX.Api.Problems;

/// <summary>
/// An RFC 9457 problem details document as LinX writes it (<c>application/problem+json</c>), with the
/// extension members <c>traceId</c>, <c>errorCode</c> and <c>errors</c> (always present, maybe empty).
/// </summary>
/// <param name="Type">A URI for the problem type: the section of the RFC defining the status.</param>
/// <param name="Title">The status' reason phrase: the same for every occurrence of the type.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">What went wrong in this occurrence, fit for a developer; never personal data.</param>
/// <param name="TraceId">The W3C trace id of the request (or the host's request id) to quote to support.</param>
/// <param name="ErrorCode">A stable machine-readable code (<see cref="ApiErrorCodes"/>).</param>
/// <param name="Errors">Every problem found, each with a JSON path and its own code.</param>
public sealed record ProblemBody(
    string Type,
    string Title,
    int Status,
    string Detail,
    string TraceId,
    string ErrorCode,
    IReadOnlyList<FieldError> Errors);
