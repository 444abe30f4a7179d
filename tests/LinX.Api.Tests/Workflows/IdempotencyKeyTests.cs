using LinX.Api.Workflows;
using LinX.Core;
using Microsoft.Extensions.Primitives;

namespace LinX.Api.Tests.Workflows;

/// <summary>The Idempotency-Key header rule of <see cref="WorkflowEndpoints.CreateAsync"/>, checked before the service is called.</summary>
public sealed class IdempotencyKeyTests
{
    [Theory]
    [InlineData("abcdef")]
    [InlineData("idem-2f1c1f0e-8c2b-4a43-9a85-5b8f0c7f2e11")]
    [InlineData("!#$%&'*+-.^_`|~")]
    public void IdempotencyKeyError_OneValidKey_IsNull(string key)
    {
        Assert.Null(WorkflowEndpoints.IdempotencyKeyError(new StringValues(key)));
    }

    [Fact]
    public void IdempotencyKeyError_NoHeader_IsNull()
    {
        Assert.Null(WorkflowEndpoints.IdempotencyKeyError(StringValues.Empty));
    }

    [Theory]
    [InlineData("")]
    [InlineData("      ")]
    [InlineData("abcde")]
    [InlineData("abc def")]
    [InlineData("abcdéf")]
    [InlineData("abcdef\t")]
    public void IdempotencyKeyError_BlankOrMalformedKey_IsInvalidOnTheHeader(string key)
    {
        var error = WorkflowEndpoints.IdempotencyKeyError(new StringValues(key));

        Assert.Equal(("headers.Idempotency-Key", ServiceErrorCodes.IdempotencyKeyInvalid), (error?.Path, error?.ErrorCode));
    }

    [Fact]
    public void IdempotencyKeyError_TooLongKey_IsInvalid()
    {
        Assert.NotNull(WorkflowEndpoints.IdempotencyKeyError(new StringValues(new string('k', 256))));
    }

    [Fact]
    public void IdempotencyKeyError_TwoHeaders_IsInvalidEvenWhenEachIsValid()
    {
        var error = WorkflowEndpoints.IdempotencyKeyError(new StringValues(["key-one-123", "key-two-456"]));

        Assert.Equal(("headers.Idempotency-Key", ServiceErrorCodes.IdempotencyKeyInvalid), (error?.Path, error?.ErrorCode));
    }
}
