using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LinX.Local.Tests.Errors;

/// <summary>Issue 20, item 4, over real HTTP: every problem at once, one spelling per path, messages that quote the value.</summary>
[Collection(LocalHostTests.Name)]
public sealed class ErrorModelTests(LocalHostFixture host)
{
    [Fact]
    public async Task Create_BadIdempotencyKeyAndBadBody_ListsBothAndPersistsNothing()
    {
        // Arrange
        var (_, business) = await host.CreateBusinessAsync("Error Model Tester");
        var body = JsonNode.Parse(CustomerScript.Seed(1))!.AsObject();
        body["expireIn"] = "abc";

        // Act
        var (response, problem) = await CustomerScript.PostWorkflowAsync(business, body.ToJsonString(), idempotencyKey: "x");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            [
                ("$.expireIn", "INVALID_NUMBER", "\"abc\" is not a number: it must be a whole number such as \"2\"."),
                ("headers.Idempotency-Key", "IDEMPOTENCY_KEY_INVALID", "Idempotency-Key must be 6 to 255 visible ASCII characters."),
            ],
            problem.GetProperty("errors").EnumerateArray()
                .Select(e => (e.GetProperty("path").GetString(), e.GetProperty("errorCode").GetString(), e.GetProperty("message").GetString()))
                .Order());
        var page = await business.GetFromJsonAsync<JsonElement>("/api/linx/workflows");
        Assert.Equal(0, page.GetProperty("totalElements").GetInt32());
    }

    [Theory]
    [InlineData("?status=DONE", "query.status", "INVALID_VALUE", "\"DONE\" is not a workflow status")]
    [InlineData("?size=abc", "query.size", "NOT_WHOLE_NUMBER", "\"abc\" is not a whole number")]
    [InlineData("?page=0", "query.page", "VALUE_OUT_OF_RANGE", "page is 0; it must be from 1 to")]
    public async Task SearchWorkflows_BadQuery_SaysWhatWasWrongWithTheValue(string query, string path, string code, string message)
    {
        using var response = await host.Business.GetAsync("/api/linx/workflows" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal((path, code), (error.GetProperty("path").GetString(), error.GetProperty("errorCode").GetString()));
        Assert.StartsWith(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extend_HoursOutOfRange_IsValueOutOfRangeQuotingTheValue()
    {
        // Arrange
        var (_, created) = await CustomerScript.PostWorkflowAsync(host.Business, CustomerScript.Seed(1));

        // Act
        using var response = await host.Business.PostAsJsonAsync($"/api/linx/workflows/{created.GetProperty("workflowId").GetString()}/extend", new { hours = 9000 });

        // Assert: the spelling of create's range errors, not a second one.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal(("$.hours", "VALUE_OUT_OF_RANGE"), (error.GetProperty("path").GetString(), error.GetProperty("errorCode").GetString()));
        Assert.StartsWith("\"9000\" is out of range", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
