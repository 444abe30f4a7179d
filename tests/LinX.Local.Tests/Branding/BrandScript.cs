using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LinX.Local.Tests.Admin;

namespace LinX.Local.Tests.Branding;

/// <summary>The business's side of the brand tests: a business onboarded through the admin API, its profile and logo calls.</summary>
public sealed class BrandScript(AdminHostFixture host)
{
    public const string Profile = "/api/linx/business/profile";
    public const string Logo = Profile + "/logo";

    /// <summary>A new business (admin API, with the fixture's full profile) and a client with its own API key.</summary>
    public async Task<(string BusinessId, HttpClient Client)> NewBusinessAsync(string name)
    {
        var business = await host.CreateBusinessAsync(name);
        var businessId = business.GetProperty("businessId").GetString()!;
        var key = await host.CreateKeyAsync(businessId);
        return (businessId, host.NewClient(key.GetProperty("key").GetString()));
    }

    public static async Task<HttpResponseMessage> PutProfileAsync(HttpClient client, object profile) =>
        await client.PutAsync(Profile, new StringContent(JsonSerializer.Serialize(profile), Encoding.UTF8, "application/json"));

    public static async Task<HttpResponseMessage> PutLogoAsync(HttpClient client, byte[] image, string? contentType)
    {
        var content = new ByteArrayContent(image);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await client.PutAsync(Logo, content);
    }

    /// <summary>Sets the logo (200 asserted); its URL.</summary>
    public static async Task<string> SetLogoAsync(HttpClient client, byte[] image, string contentType = "image/png")
    {
        using var response = await PutLogoAsync(client, image, contentType);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("logoUrl").GetString()!;
    }

    /// <summary>Creates a workflow (seed 1, with <paramref name="title"/>) as the business; the Gateway view of its link, as its JSON text.</summary>
    public async Task<string> GatewayViewTextAsync(HttpClient business, string title, string? customerMemo = null)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(CustomerScript.Seed(1))!.AsObject();
        body["title"] = title;
        if (customerMemo is not null)
        {
            body["customerMemo"] = customerMemo;
        }

        var (response, created) = await CustomerScript.PostWorkflowAsync(business, body.ToJsonString());
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return await host.Anonymous.GetStringAsync($"/api/gateway/{CustomerScript.TokenOf(host.LinkOf(created))}");
    }
}
