using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using LinX.Core.Security;
using LinX.Infrastructure.Demo;
using LinX.Local.Demo;
using LinX.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Local.Tests.Admin;

/// <summary>
/// The demo key across restarts: LinX.Local started three times on the same storage, each start with a random demo key
/// (no <c>LinX:Demo:ApiKey</c>), after a key written before keys were listed. Only the last start's key works.
/// </summary>
public sealed class DemoKeyTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private readonly string _prefix = AzuriteFixture.UniqueName("demo");
    private readonly string _hub = AzuriteFixture.UniqueName("hub");
    private readonly string[] _securityKeys = [Key(), Key(), Key()];
    private readonly string _adminKey = "linx_admin_demo_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public Task InitializeAsync() => _azurite.InitializeAsync();

    public Task DisposeAsync() => _azurite.DisposeAsync();

    [Fact]
    public async Task Start_ThreeTimes_ExactlyOneDemoKeyAuthenticates()
    {
        // Arrange: a key as the seeder wrote them before this change (PK = hash, RK empty, BusinessId only).
        var legacy = "linx_legacy_" + Guid.NewGuid().ToString("N");
        var keys = new TableServiceClient(_azurite.ConnectionString).GetTableClient(_prefix + "ApiKeys");
        await keys.CreateIfNotExistsAsync();
        await keys.AddEntityAsync(new TableEntity(Hashing.Sha256Hex(legacy), string.Empty) { ["BusinessId"] = DemoData.BusinessId });
        var printed = new List<string>();
        for (var start = 0; start < 2; start++)
        {
            await using var earlier = await StartAsync();
            printed.Add(earlier.Services.GetRequiredService<DemoSeeder>().ApiKey!);
            await earlier.StopAsync();
        }

        // Act
        await using var app = await StartAsync();
        printed.Add(app.Services.GetRequiredService<DemoSeeder>().ApiKey!);
        var baseUrl = app.Urls.Single();
        var statuses = new List<HttpStatusCode>();
        foreach (var key in printed.Append(legacy))
        {
            using var client = Client(baseUrl, key);
            using var response = await client.GetAsync("/api/linx/workflows");
            statuses.Add(response.StatusCode);
        }

        using var admin = Client(baseUrl, _adminKey);
        var listed = await admin.GetFromJsonAsync<JsonElement>($"{AdminHostFixture.Businesses}/{DemoData.BusinessId}/api-keys");
        await app.StopAsync();

        // Assert: the legacy key and the first two demo keys are revoked; the listing shows the three demo keys.
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.Unauthorized], statuses);
        Assert.Equal(3, printed.Distinct().Count());
        Assert.Equal(["ACTIVE", "REVOKED", "REVOKED"], listed.EnumerateArray().Select(k => k.GetProperty("status").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(printed[2][..9], listed.EnumerateArray().Single(k => k.GetProperty("status").GetString() == "ACTIVE").GetProperty("prefix").GetString());
    }

    private async Task<WebApplication> StartAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{Ports.Free()}",
            ["LinX:Storage:ConnectionString"] = _azurite.ConnectionString,
            ["LinX:Storage:TablePrefix"] = _prefix,
            ["LinX:Durable:ConnectionString"] = _azurite.ConnectionString,
            ["LinX:Durable:TaskHub"] = _hub,
            ["LinX:Durable:PartitionCount"] = "1",
            ["LinX:Security:DataKey"] = _securityKeys[0],
            ["LinX:Security:LinkKey"] = _securityKeys[1],
            ["LinX:Security:FingerprintKey"] = _securityKeys[2],
            ["LinX:Azurite:AutoStart"] = "false",
            // The local host's plain admin key for scripts (hashed at start).
            ["LinX:Admin:ApiKey"] = _adminKey,
        };
        var app = LinxLocalApplication.Create([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await app.StartAsync();
        return app;
    }

    private static HttpClient Client(string baseUrl, string key) =>
        new() { BaseAddress = new Uri(baseUrl), DefaultRequestHeaders = { Authorization = new("Bearer", key) } };

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
