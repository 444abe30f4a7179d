using LinX.Functions.Functions.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Functions.Tests.Functions.Http;

/// <summary>An unknown route under <c>api/</c> on the Functions host answers problem details, as on the local host.</summary>
public sealed class UnmatchedRouteFunctionsTests
{
    [Fact]
    public async Task UnknownApiRoute_Is404ProblemDetailsWithNotFound()
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var invocation = new FunctionInvocation(services.CreateAsyncScope());
        var request = invocation.Request("POST", "/api/linx/no-such-thing");

        var response = await FunctionInvocation.ExecuteAsync(request, UnmatchedRouteFunctions.NotFound(request));

        Assert.Equal(404, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        Assert.Equal("NOT_FOUND", response.Json.GetProperty("errorCode").GetString());
    }

    [Fact]
    public void CatchAll_IsOnlyUnderApi_AndTakesEveryMethod()
    {
        var binding = FunctionsMetadata.Load().Single(f => f.Name == "UnmatchedApiRoute").Trigger;

        Assert.Equal("api/{*path}", binding.Route);
        Assert.Equal(["delete", "get", "patch", "post", "put"], binding.Methods.Select(m => m.ToLowerInvariant()).Order());
    }
}
