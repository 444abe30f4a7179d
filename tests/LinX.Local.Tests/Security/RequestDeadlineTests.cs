using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LinX.Infrastructure.Storage;
using LinX.Local.Health;
using LinX.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace LinX.Local.Tests.Security;

/// <summary>The local host's deadlines: the request deadline's answer, and the settings it refuses.</summary>
public sealed class RequestDeadlineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RequestTimeout_HandlerWaitsPastTheDeadline_Is503ProblemWithRetryAfterNot504()
    {
        // Arrange: the local host's deadline registration, and a handler that waits as one on a hung durable call does.
        var url = $"http://127.0.0.1:{Ports.Free()}";
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(url);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [LocalHealthExtensions.RequestTimeoutKey] = "00:00:01" });
        builder.Services.AddLinXLocalHealth();
        await using var app = builder.Build();
        app.UseRequestTimeouts();
        app.MapGet("/hangs", async (HttpContext http) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, http.RequestAborted);
            return Results.Ok();
        });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(url) };

        // Act
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync("/hangs");
        output.WriteLine($"GET /hangs with a 1 s request deadline: {(int)response.StatusCode} after {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s");

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal("SERVICE_UNAVAILABLE", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
        await app.StopAsync();
    }

    [Theory]
    [InlineData(LocalHealthExtensions.RequestTimeoutKey, "00:00:00")]
    [InlineData(LocalHealthExtensions.RequestTimeoutKey, "00:10:00")]
    [InlineData("LinX:Storage:Timeout", "00:00:00")]
    [InlineData("LinX:Storage:Timeout", "00:05:00")]
    [InlineData("LinX:Storage:MaxRetries", "9")]
    public async Task Host_DeadlineSettingOutOfRange_IsRefused(string key, string value)
    {
        await using var app = LinxLocalApplication.Create([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LinX:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            [key] = value,
        }));

        var error = Assert.Throws<OptionsValidationException>(() => key.StartsWith("LinX:Storage:", StringComparison.Ordinal)
            ? app.Services.GetRequiredService<IOptions<LinXStorageOptions>>().Value
            : (object)app.Services.GetRequiredService<IOptions<RequestTimeoutOptions>>().Value);

        Assert.Contains(key[(key.LastIndexOf(':') + 1)..], error.Message, StringComparison.Ordinal);
    }
}
