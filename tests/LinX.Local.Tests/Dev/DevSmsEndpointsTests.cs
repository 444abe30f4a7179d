using System.Text;
using System.Text.Json;
using LinX.Core.Notifications;
using LinX.Infrastructure.Sms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Local.Tests.Dev;

/// <summary>The dev inbox page and its JSON, served by the local host's own endpoints (not started: no storage needed).</summary>
public sealed class DevSmsEndpointsTests
{
    private const string PublicBaseUrl = "https://linx.example.test";
    private const string RealLink = PublicBaseUrl + "/linx/tok_Real-123";

    // What a business could once slip in before the real link: lookalikes on other hosts, and markup.
    private const string Body = "Acme: Open https://evil.example/linx/fake1 or www.evil.example or https://linx.example.test.evil.example/linx/fake2 "
        + "<b>now</b> Open " + RealLink + " (expires Jan 1, 00:00 UTC)";

    [Fact]
    public async Task InboxPage_MessageWithLookalikeLinks_OnlyLinXsOwnLinkIsClickable()
    {
        // Arrange
        await using var app = await AppWithMessageAsync(Body);

        // Act
        var html = await GetAsync(app, "/dev/sms");

        // Assert
        Assert.Single(html.Split("<a class=\"gateway\"")[1..]);
        Assert.Contains($"<a class=\"gateway\" rel=\"noreferrer\" href=\"{RealLink}\">{RealLink}</a>", html, StringComparison.Ordinal);
        Assert.Contains("Acme: Open https://evil.example/linx/fake1 or www.evil.example or https://linx.example.test.evil.example/linx/fake2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"https://evil.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"https://linx.example.test.evil", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;now&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InboxJson_MessageWithLookalikeLinks_LinkIsLinXsOwn()
    {
        await using var app = await AppWithMessageAsync(Body);

        var json = await GetAsync(app, "/dev/sms.json");

        using var messages = JsonDocument.Parse(json);
        var message = Assert.Single(messages.RootElement.EnumerateArray());
        Assert.Equal(RealLink, message.GetProperty("link").GetString());
    }

    [Fact]
    public async Task InboxPage_MessageWithoutOwnLink_HasNoLinkAtAll()
    {
        await using var app = await AppWithMessageAsync("Acme: Open https://evil.example/linx/fake1 now");

        var html = await GetAsync(app, "/dev/sms");

        Assert.DoesNotContain("<a class=\"gateway\"", html, StringComparison.Ordinal);
        Assert.Contains("Acme: Open https://evil.example/linx/fake1 now", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InboxJsonAndPage_MessageOfAWorkflow_CarryItsWorkflowIdAndNoTimeTravelOutsideDevelopment()
    {
        // Arrange
        var workflowId = Guid.NewGuid();
        await using var app = await AppWithMessageAsync(Body, workflowId);

        // Act
        var json = await GetAsync(app, "/dev/sms.json");
        var html = await GetAsync(app, "/dev/sms");

        // Assert
        using var messages = JsonDocument.Parse(json);
        Assert.Equal(workflowId, Assert.Single(messages.RootElement.EnumerateArray()).GetProperty("workflowId").GetGuid());
        Assert.Contains($" · workflow {workflowId}</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-travel", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/dev/workflows/", html, StringComparison.Ordinal);
        Assert.Contains("data-reply=\"STOP\"", html, StringComparison.Ordinal);
    }

    private static async Task<WebApplication> AppWithMessageAsync(string body, Guid? workflowId = null)
    {
        var app = LinxLocalApplication.Create([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LinX:DevSmsInbox"] = "true",
            ["LinX:PublicBaseUrl"] = PublicBaseUrl,
        }));
        var inbox = app.Services.GetRequiredService<DevSmsInbox>();
        await inbox.SendAsync("+16471234567", body, new SmsIdempotency(Guid.NewGuid(), DateTimeOffset.UtcNow) { WorkflowId = workflowId }, CancellationToken.None);
        return app;
    }

    /// <summary>Runs the endpoint of <paramref name="route"/> on a request of its own and returns the response body.</summary>
    private static async Task<string> GetAsync(WebApplication app, string route)
    {
        IEndpointRouteBuilder routes = app;
        var endpoint = routes.DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Single(e => "/" + e.RoutePattern.RawText?.TrimStart('/') == route);
        await using var scope = app.Services.CreateAsyncScope();
        using var response = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = route;
        context.Response.Body = response;

        await endpoint.RequestDelegate!(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        return Encoding.UTF8.GetString(response.ToArray());
    }
}
