using LinX.Functions.Functions.Http;
using LinX.Infrastructure.Demo;

namespace LinX.Functions.Tests.Functions.Http;

/// <summary>The read endpoints need no Durable client: they take no <c>[DurableClient]</c> binding.</summary>
[Collection(FunctionsHostTests.Name)]
public sealed class ResourceFunctionsTests(FunctionsHostFixture host)
{
    [Fact]
    public async Task PaymentReasonsAsync_Business_Is200WithTheCatalog()
    {
        await using var invocation = host.NewInvocation();

        var response = await FunctionInvocation.RunAsync(
            invocation.Request("GET", "/api/linx/payment-reasons", apiKey: host.ApiKey), ResourceFunctions.PaymentReasonsAsync);

        Assert.Equal(200, response.Status);
        Assert.Contains(response.Json.EnumerateArray(), r => r.GetProperty("id").GetString() == "payment-of-rebates");
    }

    [Fact]
    public async Task PaymentReasonsAsync_WrongApiKey_Is401Problem()
    {
        await using var invocation = host.NewInvocation();

        var response = await FunctionInvocation.RunAsync(
            invocation.Request("GET", "/api/linx/payment-reasons", apiKey: "linx_wrong"), ResourceFunctions.PaymentReasonsAsync);

        Assert.Equal(401, response.Status);
    }

    [Fact]
    public async Task CustomerAsync_DemoCustomer_Is200InFull()
    {
        await using var invocation = host.NewInvocation();
        var id = DemoData.CustomerId.ToString();

        var response = await FunctionInvocation.RunAsync(
            invocation.Request("GET", $"/api/linx/customers/{id}", apiKey: host.ApiKey), r => ResourceFunctions.CustomerAsync(r, id));

        Assert.Equal(200, response.Status);
        Assert.Equal("Doe", response.Json.GetProperty("lastName").GetString());
        Assert.Equal("john.doe@example.com", response.Json.GetProperty("email").GetString());
        Assert.Equal(DemoData.CustomerPhoneNumber, response.Json.GetProperty("phoneNumber").GetString());
    }

    [Fact]
    public async Task CustomersAsync_SearchByTheDemoCustomersPhone_FindsItThroughTheFunction()
    {
        await using var invocation = host.NewInvocation();

        var response = await FunctionInvocation.RunAsync(
            invocation.Request("GET", "/api/linx/customers?search=%2B16471234567", apiKey: host.ApiKey), ResourceFunctions.CustomersAsync);

        Assert.Equal(200, response.Status);
        Assert.Equal(
            [DemoData.CustomerId.ToString()],
            response.Json.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task CustomerAsync_AnotherBusiness_Is404Problem()
    {
        var (_, otherKey) = await host.CreateBusinessAsync("Resources other");
        await using var invocation = host.NewInvocation();
        var id = DemoData.CustomerId.ToString();

        var response = await FunctionInvocation.RunAsync(
            invocation.Request("GET", $"/api/linx/customers/{id}", apiKey: otherKey), r => ResourceFunctions.CustomerAsync(r, id));

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task FinancialAccountAsync_DemoCard_Is200WithLast4Only()
    {
        await using var invocation = host.NewInvocation();
        var id = DemoData.CustomerFinancialAccountId.ToString();

        var response = await FunctionInvocation.RunAsync(
            invocation.Request("GET", $"/api/linx/financial-accounts/{id}", apiKey: host.ApiKey), r => ResourceFunctions.FinancialAccountAsync(r, id));

        Assert.Equal(200, response.Status);
        Assert.Equal("4242", response.Json.GetProperty("last4").GetString());
    }

    [Fact]
    public async Task TransactionAsync_MalformedId_Is404Problem()
    {
        await using var invocation = host.NewInvocation();

        var response = await FunctionInvocation.RunAsync(
            invocation.Request("GET", "/api/linx/transactions/not-an-id", apiKey: host.ApiKey), r => ResourceFunctions.TransactionAsync(r, "not-an-id"));

        Assert.Equal(404, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }
}
