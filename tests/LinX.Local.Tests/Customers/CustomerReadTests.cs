using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinX.Testing;

namespace LinX.Local.Tests.Customers;

/// <summary>
/// Issue 20, item 5: the business reads its own customers in full (it owns them), lists them newest first and finds them
/// by e-mail, phone number or name, over real HTTP; another business sees none of them.
/// </summary>
[Collection(LocalHostTests.Name)]
public sealed class CustomerReadTests(LocalHostFixture host)
{
    private readonly CustomerScript _customer = new(host);

    [Fact]
    public async Task CreatedCustomer_IsReadByItsBusinessInFull()
    {
        // Arrange
        var (_, business) = await host.CreateBusinessAsync("Customer Reader");
        var phone = TestPhones.New("555");

        // Act
        var customerId = await CreateCustomerAsync(business, phone, "Ana", "Lima", "ana.lima@example.com");
        var customer = await business.GetFromJsonAsync<JsonElement>($"/api/linx/customers/{customerId}");

        // Assert: nothing masked — the contact details the business needs to serve its customer.
        Assert.Equal("ana.lima@example.com", customer.GetProperty("email").GetString());
        Assert.Equal(phone, customer.GetProperty("phoneNumber").GetString());
        Assert.Equal("1990-04-01", customer.GetProperty("dateOfBirth").GetString());
        Assert.Equal(customerId, customer.GetProperty("id").GetGuid());
        Assert.Equal("ACTIVE", customer.GetProperty("status").GetString());
        var address = Assert.Single(customer.GetProperty("addresses").EnumerateArray());
        Assert.Equal(
            ("PHYSICAL", "1 Main Street", "M5V 2T6", "CAN", true),
            (address.GetProperty("type").GetString(), address.GetProperty("streetLine1").GetString(), address.GetProperty("zipCode").GetString(),
                address.GetProperty("countryCode").GetString(), address.GetProperty("primary").GetBoolean()));
        Assert.False(string.IsNullOrEmpty(address.GetProperty("cityName").GetString()));
        var mobile = Assert.Single(customer.GetProperty("phoneNumbers").EnumerateArray());
        Assert.Equal(("MOBILE", phone), (mobile.GetProperty("type").GetString(), mobile.GetProperty("phoneNumber").GetString()));
    }

    [Fact]
    public async Task Customers_AreListedNewestFirstInPages_AndFoundByEmailPhoneOrName()
    {
        // Arrange: two customers of one business.
        var (_, business) = await host.CreateBusinessAsync("Customer Lister");
        var firstPhone = TestPhones.New("555");
        var older = await CreateCustomerAsync(business, firstPhone, "Zoë", "Tremblay-Roy", "zoe@example.com");
        var newer = await CreateCustomerAsync(business, TestPhones.New("555"), "Marc", "Roy", "marc@example.com");

        // Act
        var all = await ListAsync(business, string.Empty);
        var firstPage = await business.GetFromJsonAsync<JsonElement>("/api/linx/customers?size=1");
        var secondPage = Ids(await business.GetFromJsonAsync<JsonElement>("/api/linx/customers?size=1&pageToken=" + firstPage.GetProperty("nextPageToken").GetString()));
        var byEmail = await ListAsync(business, "&search=ZOE@example.com");
        var byNationalPhone = await ListAsync(business, "&search=" + Uri.EscapeDataString($"({firstPhone[2..5]}) {firstPhone[5..8]}-{firstPhone[8..]}"));
        var byNames = await ListAsync(business, "&search=zoe%20tremblay");
        var bySharedName = await ListAsync(business, "&search=roy");
        var byUnknown = await ListAsync(business, "&search=nobody");

        // Assert: every listing at once, so that a failure shows them all.
        Assert.Equal(
            $"all {newer},{older}; first {newer}; second {older}; email {older}; phone {older}; names {older}; shared {string.Join(',', new[] { older, newer }.Order())}; unknown ",
            $"all {string.Join(',', all)}; first {string.Join(',', Ids(firstPage))}; second {string.Join(',', secondPage)}; email {string.Join(',', byEmail)}; "
            + $"phone {string.Join(',', byNationalPhone)}; names {string.Join(',', byNames)}; shared {string.Join(',', bySharedName.Order())}; unknown {string.Join(',', byUnknown)}");
    }

    [Fact]
    public async Task AnotherBusiness_NeitherListsNorReadsTheCustomers()
    {
        // Arrange
        var (_, owner) = await host.CreateBusinessAsync("Customer Owner");
        var (_, other) = await host.CreateBusinessAsync("Customer Outsider");
        var customerId = await CreateCustomerAsync(owner, TestPhones.New("555"), "Lea", "Stone", "lea.stone@example.com");

        // Act
        using var read = await other.GetAsync($"/api/linx/customers/{customerId}");
        var listed = await ListAsync(other, string.Empty);
        var searched = await ListAsync(other, "&search=lea.stone@example.com");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Empty(listed);
        Assert.Empty(searched);
    }

    [Fact]
    public async Task BadListQuery_Is400ListingEveryProblem()
    {
        using var response = await host.Business.GetAsync($"/api/linx/customers?size=0&search={new string('a', 101)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ["query.search:STRING_TOO_LONG", "query.size:VALUE_OUT_OF_RANGE"],
            problem.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("path").GetString()}:{e.GetProperty("errorCode").GetString()}").Order());
    }

    private static Guid[] Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];

    private static async Task<Guid[]> ListAsync(HttpClient business, string query) =>
        Ids(await business.GetFromJsonAsync<JsonElement>("/api/linx/customers?size=100" + query));

    // A seed-1 workflow to the phone, completed on the Gateway with this profile; the customer it created.
    private async Task<Guid> CreateCustomerAsync(HttpClient business, string phone, string firstName, string lastName, string email)
    {
        var body = JsonNode.Parse(CustomerScript.Seed(1))!.AsObject();
        body["parameters"]!["phoneNumber"] = phone;
        var (response, created) = await CustomerScript.PostWorkflowAsync(business, body.ToJsonString());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var token = await _customer.TokenFromSmsAsync(phone, host.LinkOf(created));
        await _customer.SubmitAsync(token, "customer-account", new
        {
            firstName,
            lastName,
            email,
            dateOfBirth = "1990-04-01",
            address = new { streetLine1 = "1 Main Street", city = "Toronto", stateCode = "ON", postalCode = "M5V 2T6", countryCode = "CA" },
        });
        var workflowId = created.GetProperty("workflowId").GetString()!;
        var completed = await CustomerScript.WaitForStatusAsync(business, workflowId, "COMPLETED");
        return completed.GetProperty("customerId").GetGuid();
    }
}
