using LinX.Api.Problems;
using LinX.Core;
using Microsoft.AspNetCore.Http;

namespace LinX.Api.Http;

/// <summary>Maps an application service's outcome to its HTTP response: one status code per outcome.</summary>
public static class ServiceResults
{
    /// <summary><paramref name="onSuccess"/> for Ok/Accepted, else the problem response of the outcome.</summary>
    public static IResult ToHttp<T>(HttpContext http, ServiceResult<T> result, Func<T, IResult> onSuccess) =>
        result.IsSuccess && result.Value is { } value
            ? onSuccess(value)
            : result.Outcome == ServiceOutcome.TooManyRequests
                ? ProblemResults.TooManyRequests(http, result.RetryAfter ?? TimeSpan.FromMinutes(1), result.Errors[0].Message, result.Errors[0].ErrorCode)
                : Problem(http, result.Outcome, result.Errors);

    /// <summary>200 with the value as JSON, or the outcome's problem.</summary>
    public static IResult Json<T>(HttpContext http, ServiceResult<T> result) => Json(http, result, StatusCodes.Status200OK);

    /// <summary><paramref name="statusCode"/> with the value as JSON, or the outcome's problem.</summary>
    public static IResult Json<T>(HttpContext http, ServiceResult<T> result, int statusCode) =>
        ToHttp(http, result, value => Results.Json(value, ApiJson.Options, statusCode: statusCode));

    /// <summary>The problem response of a failed outcome.</summary>
    public static IResult Problem(HttpContext http, ServiceOutcome outcome, IReadOnlyList<FieldError> errors)
    {
        var first = errors.Count > 0 ? errors[0] : null;
        return outcome switch
        {
            ServiceOutcome.Invalid => ProblemResults.Validation(http, errors),
            ServiceOutcome.Unprocessable => ProblemResults.UnprocessableReference(http, errors),
            ServiceOutcome.NotFound => ProblemResults.NotFound(http, first?.Message ?? "The resource does not exist."),
            ServiceOutcome.Locked => ProblemResults.Locked(http, first?.Message ?? "This link is locked.", first?.ErrorCode ?? ApiErrorCodes.Locked),
            ServiceOutcome.Forbidden => ProblemResults.Problem(
                http, StatusCodes.Status403Forbidden, first?.ErrorCode ?? ServiceErrorCodes.PasscodeRequired, first?.Message ?? "Enter the passcode first.", errors),
            _ => ProblemResults.Problem(
                http, StatusCodes.Status409Conflict, first?.ErrorCode ?? ApiErrorCodes.Conflict, first?.Message ?? "The request conflicts with the current state.", errors),
        };
    }
}
