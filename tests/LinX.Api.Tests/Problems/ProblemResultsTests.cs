using System.Diagnostics;
using System.Text.Json;
using LinX.Api.Problems;
using LinX.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Api.Tests.Problems;

public sealed class ProblemResultsTests
{
    private const string TraceIdentifier = "0HN-test-request";

    public static TheoryData<string, int, string> Factories() => new()
    {
        { "validation", 400, ApiErrorCodes.ValidationFailed },
        { "too-large", 400, ApiErrorCodes.BodyTooLarge },
        { "unprocessable", 422, ApiErrorCodes.UnprocessableReference },
        { "not-found", 404, ApiErrorCodes.NotFound },
        { "conflict", 409, ApiErrorCodes.Conflict },
        { "unauthorized", 401, ApiErrorCodes.Unauthorized },
        { "locked", 423, ApiErrorCodes.Locked },
        { "internal", 500, ApiErrorCodes.InternalError },
    };

    [Theory]
    [MemberData(nameof(Factories))]
    public async Task Factory_Executed_WritesProblemJsonWithStatusAndCode(string factory, int expectedStatus, string expectedCode)
    {
        var httpContext = NewHttpContext();

        var response = await ExecuteAsync(Create(factory, httpContext), httpContext);

        Assert.Equal(expectedStatus, response.Status);
        Assert.Equal(ProblemResults.ContentType, response.ContentType);
        var body = response.Body.RootElement;
        Assert.Equal(
            ["type", "title", "status", "detail", "traceId", "errorCode", "errors"],
            body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(expectedStatus, body.GetProperty("status").GetInt32());
        Assert.Equal(expectedCode, body.GetProperty("errorCode").GetString());
        Assert.Equal(TraceIdentifier, body.GetProperty("traceId").GetString());
        Assert.StartsWith("https://www.rfc-editor.org/rfc/", body.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        Assert.Equal(JsonValueKind.Array, body.GetProperty("errors").ValueKind);
    }

    [Fact]
    public async Task Validation_Errors_AreListedWithPathMessageAndCode()
    {
        var httpContext = NewHttpContext();
        FieldError[] errors =
        [
            new("$.title", "Must not be empty.", "STRING_EMPTY"),
            new("$.parameters.amount", "At most 2 decimals.", "TOO_MANY_DECIMALS"),
        ];

        var response = await ExecuteAsync(ProblemResults.Validation(httpContext, errors), httpContext);

        var listed = response.Body.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => new FieldError(e.GetProperty("path").GetString()!, e.GetProperty("message").GetString()!, e.GetProperty("errorCode").GetString()!));
        Assert.Equal(errors, listed);
        Assert.Equal("Bad Request", response.Body.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unauthorized_Executed_AsksForBearer()
    {
        var httpContext = NewHttpContext();

        var response = await ExecuteAsync(ProblemResults.Unauthorized(httpContext), httpContext);

        Assert.Equal("Bearer", response.WwwAuthenticate);
    }

    [Fact]
    public async Task BodyTooLarge_Executed_Is400WithTheLimitAtRoot()
    {
        var httpContext = NewHttpContext();

        var response = await ExecuteAsync(ProblemResults.BodyTooLarge(httpContext, 65536), httpContext);

        var error = Assert.Single(response.Body.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(("$", ApiErrorCodes.BodyTooLarge), (error.GetProperty("path").GetString(), error.GetProperty("errorCode").GetString()));
        Assert.Contains("65536", response.Body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InternalError_Executed_DisclosesNothingButTheTraceId()
    {
        var httpContext = NewHttpContext();

        var response = await ExecuteAsync(ProblemResults.InternalError(httpContext), httpContext);

        Assert.Equal("Internal Server Error", response.Body.RootElement.GetProperty("title").GetString());
        Assert.Empty(response.Body.RootElement.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Problem_WithinAnActivity_UsesTheActivityIdAsTraceId()
    {
        var httpContext = NewHttpContext();
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();

        var response = await ExecuteAsync(ProblemResults.NotFound(httpContext), httpContext);

        Assert.Equal(activity.Id, response.Body.RootElement.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Conflict_WithSpecificCode_KeepsTheCode()
    {
        var httpContext = NewHttpContext();

        var response = await ExecuteAsync(ProblemResults.Conflict(httpContext, "Step is not current.", "STEP_NOT_CURRENT"), httpContext);

        Assert.Equal("STEP_NOT_CURRENT", response.Body.RootElement.GetProperty("errorCode").GetString());
    }

    private static IResult Create(string factory, HttpContext httpContext) => factory switch
    {
        "validation" => ProblemResults.Validation(httpContext, [new FieldError("$.title", "Required.", "FIELD_REQUIRED")]),
        "too-large" => ProblemResults.BodyTooLarge(httpContext, 65536),
        "unprocessable" => ProblemResults.UnprocessableReference(httpContext, [new FieldError("$.parameters.customerId", "Unknown customer.", "CUSTOMER_NOT_FOUND")]),
        "not-found" => ProblemResults.NotFound(httpContext),
        "conflict" => ProblemResults.Conflict(httpContext, "Idempotency-Key reused with another body."),
        "unauthorized" => ProblemResults.Unauthorized(httpContext),
        "locked" => ProblemResults.Locked(httpContext),
        "internal" => ProblemResults.InternalError(httpContext),
        _ => throw new ArgumentOutOfRangeException(nameof(factory)),
    };

    private static DefaultHttpContext NewHttpContext() => new()
    {
        RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
        TraceIdentifier = TraceIdentifier,
        Response = { Body = new MemoryStream() },
    };

    private static async Task<ExecutedResponse> ExecuteAsync(IResult result, HttpContext httpContext)
    {
        await result.ExecuteAsync(httpContext);
        httpContext.Response.Body.Position = 0;
        var body = await JsonDocument.ParseAsync(httpContext.Response.Body);
        return new ExecutedResponse(httpContext.Response.StatusCode, httpContext.Response.ContentType,
            httpContext.Response.Headers.WWWAuthenticate.ToString(), body);
    }

    private sealed record ExecutedResponse(int Status, string? ContentType, string WwwAuthenticate, JsonDocument Body);
}
