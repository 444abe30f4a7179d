using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Local.Tests.Admin;

/// <summary>Onboarding through the admin API, over real HTTP on the real host and Azurite.</summary>
[Collection(AdminHostTests.Name)]
public sealed class AdminApiTests(AdminHostFixture host)
{
    private const string Businesses = AdminHostFixture.Businesses;

    [Fact]
    public async Task CreateBusiness_ThenItsApiKey_KeyListsAndCreatesItsWorkflows()
    {
        // Arrange
        using var admin = host.NewAdminClient();
        using var created = await AdminHostFixture.PostAsync(admin, Businesses, AdminHostFixture.BusinessJson("Onboarded Inc"));
        var business = await created.Content.ReadFromJsonAsync<JsonElement>();
        var businessId = business.GetProperty("businessId").GetString()!;
        var key = await host.CreateKeyAsync(businessId);
        using var client = host.NewClient(key.GetProperty("key").GetString());

        // Act
        using var search = await client.GetAsync("/api/linx/workflows");
        var (workflow, body) = await CustomerScript.PostWorkflowAsync(client, CustomerScript.Seed(1));
        var workflowId = body.GetProperty("workflowId").GetString()!;
        using var own = await client.GetAsync($"/api/linx/workflows/{workflowId}");
        using var demos = await host.Business.GetAsync($"/api/linx/workflows/{workflowId}");

        // Assert
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"{Businesses}/{businessId}", created.Headers.Location?.ToString());
        Assert.Equal("fr-CA", business.GetProperty("profile").GetProperty("defaultLocale").GetString());
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, workflow.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, demos.StatusCode);
    }

    [Fact]
    public async Task AdminApi_BusinessApiKey_Is401()
    {
        var business = await host.CreateBusinessAsync("Not An Admin Inc");
        var key = await host.CreateKeyAsync(business.GetProperty("businessId").GetString()!);
        using var client = host.NewClient(key.GetProperty("key").GetString());

        using var list = await client.GetAsync(Businesses);
        using var demo = await host.Business.GetAsync(Businesses);

        await AssertUnauthorizedAsync(list);
        await AssertUnauthorizedAsync(demo);
    }

    [Fact]
    public async Task AdminApi_WrongOrMissingAdminKey_Is401AndAdminKeyIsNoBusinessKey()
    {
        using var wrong = host.NewClient("linx_admin_wrong_" + Guid.NewGuid().ToString("N"));
        using var admin = host.NewAdminClient();

        using var wrongKey = await AdminHostFixture.PostAsync(wrong, Businesses, AdminHostFixture.BusinessJson("Wrong Key Inc"));
        using var noKey = await host.Anonymous.GetAsync(Businesses);
        using var adminOnBusinessApi = await admin.GetAsync("/api/linx/workflows");

        await AssertUnauthorizedAsync(wrongKey);
        await AssertUnauthorizedAsync(noKey);
        await AssertUnauthorizedAsync(adminOnBusinessApi);
    }

    [Fact]
    public async Task CreateBusiness_InvalidPayload_Is400ListingEveryProblemAndStoresNothing()
    {
        // Arrange
        using var admin = host.NewAdminClient();
        var before = await BusinessRowsAsync();
        var idempotencyKey = "invalid-" + Guid.NewGuid().ToString("N");
        var invalid = JsonSerializer.Serialize(new
        {
            country = "XX",
            allowedSmsCountries = new object[] { "CA", "ZZ", 7 },
            profile = new
            {
                displayName = "Invalid Inc",
                supportEmail = "not an email",
                supportPhone = "416-555-0100",
                websiteUrl = "http://example.com",
                termsUrl = "https://user:pw@example.com/terms",
                timeZone = "Eastern Standard Time",
                defaultLocale = "de",
                logo = "x",
            },
            plan = "gold",
        });

        // Act
        using var response = await AdminHostFixture.PostAsync(admin, Businesses, invalid, idempotencyKey);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var after = await BusinessRowsAsync();
        using var retried = await AdminHostFixture.PostAsync(admin, Businesses, AdminHostFixture.BusinessJson("Valid After All Inc"), idempotencyKey);

        // Assert: every problem at once, each with its code; nothing stored, so the key is still free.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("path").GetString(), e.GetProperty("errorCode").GetString())).ToHashSet();
        Assert.Equal(
            new HashSet<(string?, string?)>
            {
                ("$.plan", "UNKNOWN_FIELD"),
                ("$.name", "FIELD_REQUIRED"),
                ("$.country", "INVALID_COUNTRY"),
                ("$.allowedSmsCountries[1]", "INVALID_COUNTRY"),
                ("$.allowedSmsCountries[2]", "INVALID_TYPE"),
                ("$.profile.logo", "UNKNOWN_FIELD"),
                ("$.profile.supportEmail", "INVALID_VALUE"),
                ("$.profile.supportPhone", "INVALID_PHONE_NUMBER"),
                ("$.profile.websiteUrl", "INVALID_URL"),
                ("$.profile.termsUrl", "INVALID_URL"),
                ("$.profile.timeZone", "INVALID_TIME_ZONE"),
                ("$.profile.defaultLocale", "UNSUPPORTED_LOCALE"),
            },
            errors);
        Assert.Equal(before, after);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }

    [Fact]
    public async Task CreateBusiness_UnpairedSurrogateOrNotAnObject_Is400NotA500()
    {
        using var admin = host.NewAdminClient();

        using var surrogate = await AdminHostFixture.PostAsync(admin, Businesses, """{ "name": "\ud800", "country": "CA", "allowedSmsCountries": ["\udc00"], "profile": { "displayName": "x", "supportEmail": "a@b.co" } }""");
        using var array = await AdminHostFixture.PostAsync(admin, Businesses, "[]");

        Assert.Equal(HttpStatusCode.BadRequest, surrogate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, array.StatusCode);
    }

    [Fact]
    public async Task CreateBusiness_SameIdempotencyKey_SameBusinessAndAnotherBodyIs409()
    {
        var key = "onboard-" + Guid.NewGuid().ToString("N");
        var first = await host.CreateBusinessAsync("Retried Inc", key);
        using var admin = host.NewAdminClient();

        var again = await host.CreateBusinessAsync("Retried Inc", key);
        using var other = await AdminHostFixture.PostAsync(admin, Businesses, AdminHostFixture.BusinessJson("Someone Else Inc"), key);

        Assert.Equal(first.GetProperty("businessId").GetString(), again.GetProperty("businessId").GetString());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task GetListAndUpdateProfile_AnswerTheBusinessAndUnknownIdsAre404()
    {
        // Arrange
        var business = await host.CreateBusinessAsync("Profiled Inc");
        var id = business.GetProperty("businessId").GetString()!;
        using var admin = host.NewAdminClient();
        var profile = JsonSerializer.Serialize(new { displayName = "Profiled", supportEmail = "help@example.com", timeZone = "America/Vancouver" });

        // Act
        using var updated = await admin.PutAsync($"{Businesses}/{id}/profile", new StringContent(profile, System.Text.Encoding.UTF8, "application/json"));
        var got = await admin.GetFromJsonAsync<JsonElement>($"{Businesses}/{id}");
        var page = await admin.GetFromJsonAsync<JsonElement>($"{Businesses}?page=1&size=100");
        using var unknown = await admin.GetAsync($"{Businesses}/{Guid.NewGuid()}");
        using var malformed = await admin.GetAsync($"{Businesses}/not-a-uuid");
        using var badPage = await admin.GetAsync($"{Businesses}?size=1000");

        // Assert: the new profile replaced the old one whole (its phone and URLs are gone; defaults filled in), as stored:
        // read from the list, which reads the table (a get may answer from the store's cache of what it just wrote).
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(id, got.GetProperty("businessId").GetString());
        var stored = page.GetProperty("items").EnumerateArray().Single(b => b.GetProperty("businessId").GetString() == id).GetProperty("profile");
        Assert.Equal(("Profiled", "America/Vancouver", "en"), (stored.GetProperty("displayName").GetString(), stored.GetProperty("timeZone").GetString(), stored.GetProperty("defaultLocale").GetString()));
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("supportPhone").ValueKind);
        Assert.Contains(page.GetProperty("items").EnumerateArray(), b => b.GetProperty("businessId").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }

    [Fact]
    public async Task AddFinancialAccount_NumberNotStoredAndAMoveMoneyWorkflowCanFundFromIt()
    {
        // Arrange
        var business = await host.CreateBusinessAsync("Funded Inc");
        var id = business.GetProperty("businessId").GetString()!;
        var key = await host.CreateKeyAsync(id);
        using var client = host.NewClient(key.GetProperty("key").GetString());
        using var admin = host.NewAdminClient();
        const string AccountNumber = "000987654321";
        var bank = JsonSerializer.Serialize(new { financialAccountSubType = "CHECKING", routingNumber = "011000015", accountNumber = AccountNumber, nameOnAccount = "Funded Inc" });

        // Act
        using var added = await AdminHostFixture.PostAsync(admin, $"{Businesses}/{id}/financial-accounts", bank);
        var account = await added.Content.ReadFromJsonAsync<JsonElement>();
        var accountId = account.GetProperty("financialAccountId").GetString()!;
        var listed = await admin.GetFromJsonAsync<JsonElement>($"{Businesses}/{id}/financial-accounts");
        var (fromOwn, _) = await CustomerScript.PostWorkflowAsync(client, Rebate(accountId));
        var (fromDemos, _) = await CustomerScript.PostWorkflowAsync(client, Rebate(DemoData.BusinessFinancialAccountId.ToString()));

        // Assert
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(("4321", "011000015", "CHECKING"), (account.GetProperty("last4").GetString(), account.GetProperty("routingNumber").GetString(), account.GetProperty("subType").GetString()));
        Assert.DoesNotContain(AccountNumber, account.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(accountId, Assert.Single(listed.EnumerateArray()).GetProperty("financialAccountId").GetString());
        Assert.DoesNotContain(AccountNumber, await StoredAccountRowAsync(id, accountId), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, fromOwn.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fromDemos.StatusCode);
    }

    [Fact]
    public async Task AddFinancialAccount_InvalidDetails_Is400ListingEachAndStoresNothing()
    {
        var business = await host.CreateBusinessAsync("Badly Funded Inc");
        var id = business.GetProperty("businessId").GetString()!;
        using var admin = host.NewAdminClient();
        var bank = JsonSerializer.Serialize(new { financialAccountSubType = "DEBIT", routingNumber = "123456789", accountNumber = "12" });

        using var response = await AdminHostFixture.PostAsync(admin, $"{Businesses}/{id}/financial-accounts", bank);
        var listed = await admin.GetFromJsonAsync<JsonElement>($"{Businesses}/{id}/financial-accounts");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("errorCode").GetString()).Order();
        Assert.Equal(["ACCOUNT_NUMBER_INVALID", "FIELD_REQUIRED", "INVALID_VALUE", "ROUTING_NUMBER_INVALID"], codes);
        Assert.Empty(listed.EnumerateArray());
    }

    internal static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHORIZED", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
    }

    private static string Rebate(string baFinancialAccountId) => JsonSerializer.Serialize(new
    {
        title = "A rebate to a new card",
        expireIn = "2",
        parameters = new
        {
            channel = "SMS",
            phoneNumber = "+16471234567",
            financialAccountSubType = "DEBIT",
            transactionType = "SEND",
            solution = "push-to-card",
            baFinancialAccountId,
            currency = "USD",
            amount = 10,
            priority = "IMMEDIATE",
            paymentReasonId = "payment-of-rebates",
        },
        steps = new[] { new { name = "notification" }, new { name = "customer-account" }, new { name = "financial-account" }, new { name = "move-money" } },
    });

    private async Task<int> BusinessRowsAsync()
    {
        var count = 0;
        await foreach (var _ in host.Services.GetRequiredService<TableStorage>().Businesses.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }

    private async Task<string> StoredAccountRowAsync(string businessId, string accountId)
    {
        var row = await host.Services.GetRequiredService<TableStorage>().FinancialAccounts.GetEntityAsync<Azure.Data.Tables.TableEntity>(businessId, accountId);
        return string.Join("|", row.Value.Select(p => p.Value?.ToString()));
    }
}
