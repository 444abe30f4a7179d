using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LinX.Local.Tests;

[Collection(LocalHostTests.Name)]
public sealed class SeedExamplesTests(LocalHostFixture host)
{
    private readonly CustomerScript _customer = new(host);

    public static TheoryData<int, string[], bool, bool> Seeds => new()
    {
        { 1, ["customer-account"], false, false },
        { 2, ["lookup-profile", "financial-account"], true, false },
        { 3, ["customer-account", "financial-account", "move-money"], true, true },
        { 4, ["lookup-profile", "lookup-financial-account", "move-money"], true, true },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task SeedExample_PostedVerbatimAndCompletedByCustomer_IsCompletedWithItsRecords(
        int seed, string[] interactiveSteps, bool expectsAccount, bool expectsTransaction)
    {
        // Arrange: the seed example exactly as in the seed file.
        var (response, created) = await CustomerScript.PostWorkflowAsync(host.Business, CustomerScript.Seed(seed), $"seed-{seed}-{Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var workflowId = created.GetProperty("workflowId").GetString()!;
        Assert.Equal($"/api/linx/workflows/{workflowId}", response.Headers.Location?.ToString());

        // Act: the customer follows the SMS link and completes every step through the Gateway API.
        var token = await _customer.TokenFromSmsAsync("+16471234567", host.LinkOf(created));
        await _customer.CompleteAsync(token, interactiveSteps);
        var workflow = await CustomerScript.WaitForStatusAsync(host.Business, workflowId, "COMPLETED");

        // Assert: the workflow holds the ids it created, and each reads back through the business API.
        var customerId = workflow.GetProperty("customerId").GetString();
        Assert.Equal(HttpStatusCode.OK, (await host.Business.GetAsync($"/api/linx/customers/{customerId}")).StatusCode);
        await AssertRecordAsync(workflow, "financialAccountId", expectsAccount, "/api/linx/financial-accounts/");
        await AssertRecordAsync(workflow, "transactionId", expectsTransaction, "/api/linx/transactions/");
        Assert.All(workflow.GetProperty("steps").EnumerateArray(), s => Assert.Equal("COMPLETED", s.GetProperty("status").GetString()));

        var status = await host.Business.GetAsync(created.GetProperty("statusQueryGetUri").GetString());
        var instance = await status.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("Completed", instance.GetProperty("runtimeStatus").GetString());
    }

    private async Task AssertRecordAsync(JsonElement workflow, string property, bool expected, string route)
    {
        var id = workflow.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        Assert.Equal(expected, id is not null);
        if (id is not null)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Business.GetAsync(route + id)).StatusCode);
        }
    }
}
