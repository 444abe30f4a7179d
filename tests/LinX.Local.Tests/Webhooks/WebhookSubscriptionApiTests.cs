using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LinX.Core.Webhooks;

namespace LinX.Local.Tests.Webhooks;

[Collection(LocalHostTests.Name)]
public sealed class WebhookSubscriptionApiTests(LocalHostFixture host)
{
    private const string Base = "/api/linx/webhook-subscriptions";

    [Fact]
    public async Task Create_InvalidBody_Is400ListingEveryProblem()
    {
        // Act: plain http to a public host, an unknown event type, a too-long description, an unknown property.
        using var response = await host.Business.PostAsJsonAsync(Base, new
        {
            url = "http://hooks.example.com/linx",
            eventTypes = new[] { WebhookEventTypes.WorkflowCompleted, "linx.nope" },
            description = new string('d', 201),
            colour = "blue",
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            ["$.colour", "$.description", "$.eventTypes[1]", "$.url"],
            problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).Order());
    }

    [Fact]
    public async Task Create_MetadataAddress_Is400()
    {
        using var response = await host.Business.PostAsJsonAsync(Base, new { url = "https://169.254.169.254/latest", eventTypes = WebhookEventTypes.All });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Lifecycle_CreateGetUpdateRotateSuspendResumeDelete_WorksAndShowsTheSecretOnlyTwice()
    {
        // Arrange
        var (_, client) = await host.CreateBusinessAsync("Lifecycle Test");
        using var created = await client.PostAsJsonAsync(Base, new { url = "https://hooks.example.com/a", eventTypes = new[] { WebhookEventTypes.WorkflowUpdated } });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString();

        // Act
        var got = await client.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
        var list = await client.GetFromJsonAsync<JsonElement[]>(Base);
        using var updated = await client.PutAsJsonAsync($"{Base}/{id}", new { url = "https://hooks.example.com/b", eventTypes = WebhookEventTypes.All, description = "all" });
        using var rotated = await client.PostAsync($"{Base}/{id}/rotate-secret", null);
        var rotatedBody = await rotated.Content.ReadFromJsonAsync<JsonElement>();
        using var suspended = await client.PostAsync($"{Base}/{id}/suspend", null);
        using var resumed = await client.PostAsync($"{Base}/{id}/resume", null);
        using var deleted = await client.DeleteAsync($"{Base}/{id}");
        using var gone = await client.GetAsync($"{Base}/{id}");

        // Assert
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"{Base}/{id}", created.Headers.Location?.ToString());
        Assert.StartsWith("whsec_", body.GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.Equal("ACTIVE", body.GetProperty("status").GetString());
        Assert.False(got.TryGetProperty("secret", out _));
        Assert.All(list!, s => Assert.False(s.TryGetProperty("secret", out _)));
        Assert.Single(list!);
        Assert.Equal("https://hooks.example.com/b", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString());
        Assert.NotEqual(body.GetProperty("secret").GetString(), rotatedBody.GetProperty("secret").GetString());
        Assert.Equal("SUSPENDED", (await suspended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("ACTIVE", (await resumed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task AnotherBusiness_EverySubscriptionRoute_Is404()
    {
        // Arrange: a subscription of the demo business; another tenant tries it.
        var (id, _) = await WebhookDeliveryTests.SubscribeAsync(host.Business, "https://hooks.example.com/tenant", [WebhookEventTypes.WorkflowCompleted]);
        var (_, other) = await host.CreateBusinessAsync("Other Tenant");

        // Act
        HttpResponseMessage[] responses =
        [
            await other.GetAsync($"{Base}/{id}"),
            await other.PutAsJsonAsync($"{Base}/{id}", new { url = "https://evil.example.com/", eventTypes = WebhookEventTypes.All }),
            await other.PostAsync($"{Base}/{id}/suspend", null),
            await other.PostAsync($"{Base}/{id}/rotate-secret", null),
            await other.GetAsync($"{Base}/{id}/deliveries"),
            await other.PostAsync($"{Base}/{id}/deliveries/{Guid.NewGuid()}/redeliver", null),
            await other.DeleteAsync($"{Base}/{id}"),
            await other.GetAsync($"{Base}/not-a-guid"),
        ];
        var list = await other.GetFromJsonAsync<JsonElement[]>(Base);
        using var stillThere = await host.Business.GetAsync($"{Base}/{id}");
        using var cleanup = await host.Business.DeleteAsync($"{Base}/{id}");

        // Assert
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Empty(list!);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Anonymous_ListSubscriptions_Is401()
    {
        using var response = await host.Anonymous.GetAsync(Base);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
