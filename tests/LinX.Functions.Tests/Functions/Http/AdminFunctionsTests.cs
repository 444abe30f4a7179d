using System.Security.Cryptography;
using System.Text.Json;
using LinX.Core.Security;
using LinX.Functions.Functions.Http;
using LinX.Infrastructure.Sms;
using LinX.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LinX.Functions.Tests.Functions.Http;

/// <summary>
/// The admin API through its functions, on the Functions host's registrations with an admin key configured by its
/// hash (<c>LinX:Admin:ApiKeyHashes</c>, as in Azure), and the key it makes used on the business API's functions.
/// </summary>
public sealed class AdminFunctionsTests(AdminFunctionsTests.HostFixture host) : IClassFixture<AdminFunctionsTests.HostFixture>
{
    private const string Base = "/api/admin/businesses";

    [Fact]
    public async Task CreateBusinessThenKey_TheKeySearchesWorkflowsUntilRevoked()
    {
        // Arrange
        var businessId = await CreateBusinessAsync("Functions Onboarded Inc");
        var (key, keyId) = await CreateKeyAsync(businessId);

        // Act
        var before = await SearchAsync(key);
        var revoked = await RunAsync("POST", $"{Base}/{businessId}/api-keys/{keyId}/revoke", null, host.AdminKey,
            r => AdminFunctions.RevokeApiKeyAsync(r, businessId, keyId));
        var after = await SearchAsync(key);

        // Assert
        Assert.Equal(200, before.Status);
        Assert.Equal(200, revoked.Status);
        Assert.Equal(401, after.Status);
    }

    [Fact]
    public async Task AdminFunctions_WrongAdminKeyOrABusinessKey_Is401()
    {
        var (key, _) = await CreateKeyAsync(await CreateBusinessAsync("Functions Guarded Inc"));

        var wrong = await RunAsync("GET", Base, null, "linx_admin_wrong", AdminFunctions.ListBusinessesAsync);
        var business = await RunAsync("GET", Base, null, key, AdminFunctions.ListBusinessesAsync);

        Assert.Equal(401, wrong.Status);
        Assert.Equal("UNAUTHORIZED", wrong.ErrorCode);
        Assert.Equal(401, business.Status);
    }

    [Fact]
    public async Task ListAndRotateApiKeys_ListShowsNoSecretAndTheRotatedKeyWorks()
    {
        // Arrange
        var businessId = await CreateBusinessAsync("Functions Rotated Inc");
        var (key, keyId) = await CreateKeyAsync(businessId);

        // Act
        var rotated = await RunAsync("POST", $"{Base}/{businessId}/api-keys/{keyId}/rotate", """{ "overlapHours": 0 }""", host.AdminKey,
            r => AdminFunctions.RotateApiKeyAsync(r, businessId, keyId));
        var listed = await RunAsync("GET", $"{Base}/{businessId}/api-keys", null, host.AdminKey, r => AdminFunctions.ListApiKeysAsync(r, businessId));

        // Assert: with no overlap the old key stops at once; the list names both, shows neither.
        Assert.Equal(201, rotated.Status);
        var newKey = rotated.Json.GetProperty("newKey").GetProperty("key").GetString()!;
        Assert.Equal(401, (await SearchAsync(key)).Status);
        Assert.Equal(200, (await SearchAsync(newKey)).Status);
        Assert.Equal(["ACTIVE", "EXPIRED"], listed.Json.EnumerateArray().Select(k => k.GetProperty("status").GetString()).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(key, listed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(newKey, listed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Hashing.Sha256Hex(key), listed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BusinessFunctions_GetUpdateAndAccounts_AnswerLikeTheLocalHost()
    {
        // Arrange
        var businessId = await CreateBusinessAsync("Functions Profiled Inc");
        var bank = """{ "financialAccountSubType": "SAVING", "routingNumber": "011000015", "accountNumber": "55554444", "nameOnAccount": "Functions Profiled Inc" }""";

        // Act
        var profile = await RunAsync("PUT", $"{Base}/{businessId}/profile", """{ "displayName": "Profiled", "supportEmail": "help@example.com" }""", host.AdminKey,
            r => AdminFunctions.UpdateProfileAsync(r, businessId));
        var got = await RunAsync("GET", $"{Base}/{businessId}", null, host.AdminKey, r => AdminFunctions.GetBusinessAsync(r, businessId));
        var added = await RunAsync("POST", $"{Base}/{businessId}/financial-accounts", bank, host.AdminKey, r => AdminFunctions.AddFinancialAccountAsync(r, businessId));
        var accounts = await RunAsync("GET", $"{Base}/{businessId}/financial-accounts", null, host.AdminKey, r => AdminFunctions.ListFinancialAccountsAsync(r, businessId));
        var unknown = await RunAsync("GET", $"{Base}/{Guid.NewGuid()}", null, host.AdminKey, r => AdminFunctions.GetBusinessAsync(r, Guid.NewGuid().ToString()));

        // Assert
        Assert.Equal(200, profile.Status);
        Assert.Equal("Profiled", got.Json.GetProperty("profile").GetProperty("displayName").GetString());
        Assert.Equal(201, added.Status);
        Assert.Equal("4444", Assert.Single(accounts.Json.EnumerateArray()).GetProperty("last4").GetString());
        Assert.DoesNotContain("55554444", added.Text + accounts.Text, StringComparison.Ordinal);
        Assert.Equal(404, unknown.Status);
    }

    private async Task<string> CreateBusinessAsync(string name)
    {
        var body = JsonSerializer.Serialize(new { name, country = "CA", profile = new { displayName = name, supportEmail = "support@example.com" } });
        var response = await RunAsync("POST", Base, body, host.AdminKey, AdminFunctions.CreateBusinessAsync);
        Assert.Equal(201, response.Status);
        return response.Json.GetProperty("businessId").GetString()!;
    }

    private async Task<(string Key, string KeyId)> CreateKeyAsync(string businessId)
    {
        var created = await RunAsync("POST", $"{Base}/{businessId}/api-keys", """{ "name": "functions" }""", host.AdminKey,
            r => AdminFunctions.CreateApiKeyAsync(r, businessId));
        Assert.Equal(201, created.Status);
        return (created.Json.GetProperty("key").GetString()!, created.Json.GetProperty("keyId").GetString()!);
    }

    private async Task<TestResponse> SearchAsync(string apiKey)
    {
        await using var invocation = host.NewInvocation();
        return await FunctionInvocation.RunAsync(invocation.Request("GET", "/api/linx/workflows", apiKey: apiKey), r => WorkflowFunctions.SearchAsync(r, invocation.Client));
    }

    private async Task<TestResponse> RunAsync(string method, string path, string? json, string? key, Func<Microsoft.AspNetCore.Http.HttpRequest, Task<Microsoft.AspNetCore.Http.IResult>> function)
    {
        await using var invocation = host.NewInvocation();
        return await FunctionInvocation.RunAsync(invocation.Request(method, path, json, key), function);
    }

    /// <summary>The Functions host's services on an Azurite of their own, with an admin key's hash in the configuration.</summary>
    public sealed class HostFixture : IAsyncLifetime
    {
        private readonly AzuriteFixture _azurite = new();
        private ServiceProvider? _services;

        public string AdminKey { get; } = "linx_admin_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

        public async Task InitializeAsync()
        {
            await _azurite.InitializeAsync();
            var overrides = new Dictionary<string, string?>
            {
                ["LinX:Sms:Provider"] = nameof(SmsProvider.DevInbox),
                ["LinX:Admin:ApiKeyHashes"] = Hashing.Sha256Hex("linx_admin_retired") + "," + Hashing.Sha256Hex(AdminKey),
            };
            _services = FunctionsHostFixture.NewServices(_azurite.ConnectionString, AzuriteFixture.UniqueName("adm"), overrides)
                .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
            foreach (var hosted in _services.GetServices<IHostedService>())
            {
                await hosted.StartAsync(CancellationToken.None);
            }
        }

        public FunctionInvocation NewInvocation() => new(_services!.CreateAsyncScope());

        public async Task DisposeAsync()
        {
            if (_services is not null)
            {
                await _services.DisposeAsync();
            }

            await _azurite.DisposeAsync();
        }
    }
}
