using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LinX.Local.Tests.Workflows;

/// <summary>
/// <c>GET /api/linx/workflows</c> end to end (ADR 0023): full text over the customer's names, e-mail and phone and the
/// workflow id, with status, sort and pages, on the real host; another business never sees them.
/// </summary>
[Collection(LocalHostTests.Name)]
public sealed class WorkflowSearchTests(LocalHostFixture host)
{
    [Fact]
    public async Task Search_ByCustomerTermsAndId_CombinedWithStatusSortAndPages()
    {
        // Arrange: a business of its own; three customers named Lovelace complete their profile, a fourth workflow waits.
        var (_, business) = await host.CreateBusinessAsync("Workflow Search");
        var ada = await CompletedAsync(business, "+16475550101", "Ada", "Lovelace", "ada@example.com");
        var byron = await CompletedAsync(business, "+16475550102", "Byron", "Lovelace", "byron@example.com");
        var anne = await CompletedAsync(business, "+16475550103", "Anne", "Lovelace", "anne@example.com");
        var waiting = await CreateAsync(business, "+16475550104");
        var (_, other) = await host.CreateBusinessAsync("Workflow Search Other");

        // Act and assert: each term, alone and with the other filters.
        Assert.Equal([anne, byron, ada], await IdsAsync(business, "search=lovelace"));
        Assert.Equal([ada], await IdsAsync(business, "search=Ada"));
        Assert.Equal([ada], await IdsAsync(business, "search=ADA%20lovelace"));
        Assert.Equal([byron], await IdsAsync(business, "search=byron%40example.com"));
        Assert.Equal([waiting], await IdsAsync(business, "search=%2B16475550104"));
        Assert.Equal([waiting], await IdsAsync(business, "search=647-555-0104"));
        Assert.Equal([anne], await IdsAsync(business, "search=6475550103"));
        Assert.Equal([waiting], await IdsAsync(business, $"search={waiting}"));
        Assert.Equal([anne, byron, ada], await IdsAsync(business, "search=lovelace&status=COMPLETED"));
        Assert.Empty(await IdsAsync(business, "search=lovelace&status=ACTIVE"));
        Assert.Equal([waiting], await IdsAsync(business, "status=ACTIVE"));
        Assert.Equal([ada, byron], await IdsAsync(business, "search=lovelace&sort=createdAt,ASC&size=2"));
        var second = await business.GetFromJsonAsync<JsonElement>("/api/linx/workflows?search=lovelace&size=2&page=2");
        Assert.Equal([ada], Ids(second));
        Assert.Equal((3, 2, 2, 1, false), (
            second.GetProperty("totalElements").GetInt32(), second.GetProperty("totalPages").GetInt32(), second.GetProperty("number").GetInt32(),
            second.GetProperty("numberOfElements").GetInt32(), second.GetProperty("hasNext").GetBoolean()));
        Assert.Equal([waiting, anne, byron, ada], await IdsAsync(business, string.Empty));
        Assert.Empty(await IdsAsync(other, "search=lovelace"));
        Assert.Empty(await IdsAsync(other, $"search={waiting}"));
        Assert.Empty(await IdsAsync(other, "search=%2B16475550104"));
        Assert.Empty(await IdsAsync(other, string.Empty));
    }

    [Fact]
    public async Task Get_Workflow_IsRocketKorsDetailShape()
    {
        var (_, business) = await host.CreateBusinessAsync("Workflow Detail Shape");
        var id = await CreateAsync(business, "+16475550105");

        var detail = await business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{id}");
        var again = await business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{id}");

        Assert.Equal(id, detail.GetProperty("id").GetString());
        Assert.False(detail.TryGetProperty("workflowId", out _));
        Assert.Equal("+1647*****05", detail.GetProperty("phoneNumber").GetString());
        var step = detail.GetProperty("steps")[1];
        Assert.Equal(("customer-account", "Create your profile"), (step.GetProperty("stepName").GetString(), step.GetProperty("stepDisplayName").GetString()));
        Assert.Contains(step.GetProperty("status").GetString(), new[] { "CREATED", "ACTIVE" });
        Assert.Equal(JsonValueKind.String, step.GetProperty("updatedAt").ValueKind);
        Assert.False(string.IsNullOrEmpty(step.GetProperty("stepDescription").GetString()));
        Assert.Equal(again.GetProperty("steps")[1].GetProperty("id").GetGuid(), step.GetProperty("id").GetGuid());
        Assert.NotEqual(detail.GetProperty("steps")[0].GetProperty("id").GetGuid(), step.GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("templateId").ValueKind);
    }

    [Theory]
    [InlineData("sort=title,ASC", "query.sort")]
    [InlineData("templateId=nope", "query.templateId")]
    [InlineData("page=101&size=100", "query.page")]
    public async Task Search_BadQuery_Is400NamingTheParameter(string query, string path)
    {
        using var response = await host.Business.GetAsync($"/api/linx/workflows?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("path").GetString() == path);
    }

    private static async Task<string> CreateAsync(HttpClient business, string phone)
    {
        var (response, created) = await CustomerScript.PostWorkflowAsync(business, SeedTo(phone));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return created.GetProperty("workflowId").GetString()!;
    }

    private async Task<string> CompletedAsync(HttpClient business, string phone, string firstName, string lastName, string email)
    {
        var (response, created) = await CustomerScript.PostWorkflowAsync(business, SeedTo(phone));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = created.GetProperty("workflowId").GetString()!;
        var profile = JsonSerializer.SerializeToNode(CustomerScript.NewProfile)!;
        (profile["firstName"], profile["lastName"], profile["email"]) = (firstName, lastName, email);
        await new CustomerScript(host).SubmitAsync(CustomerScript.TokenOf(host.LinkOf(created)), "customer-account", profile);
        await CustomerScript.WaitForStatusAsync(business, id, "COMPLETED");
        return id;
    }

    private static string SeedTo(string phone)
    {
        var body = JsonNode.Parse(CustomerScript.Seed(1))!;
        body["parameters"]!["phoneNumber"] = phone;
        return body.ToJsonString();
    }

    private static async Task<List<string?>> IdsAsync(HttpClient business, string query) =>
        Ids(await business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows?{query}"));

    private static List<string?> Ids(JsonElement page) => [.. page.GetProperty("content").EnumerateArray().Select(w => w.GetProperty("id").GetString())];
}
