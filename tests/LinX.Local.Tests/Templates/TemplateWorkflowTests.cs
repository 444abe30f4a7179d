using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LinX.Core;
using LinX.Core.Workflows;
using LinX.Testing;

namespace LinX.Local.Tests.Templates;

/// <summary>
/// Templates end to end on the real host (ADR 0021): a workflow keeps the version it was created from while the
/// template moves on, usage counts follow creates and ends, a SUSPENDED template refuses new workflows, and another
/// business sees none of it.
/// </summary>
[Collection(LocalHostTests.Name)]
public sealed class TemplateWorkflowTests(LocalHostFixture host)
{
    private const string Templates = "/api/linx/templates";

    [Fact]
    public async Task Update_WhileWorkflowRuns_WorkflowKeepsItsVersionAndCompletes()
    {
        // Arrange: a business of its own with a template (version 1: profile only).
        var (_, business) = await host.CreateBusinessAsync("Templates E2E");
        var v1 = await CreateTemplateAsync(business, Template("Rebates for new customers", "Version one memo", ["notification", "customer-account"]));
        var templateId = v1.GetProperty("templateId").GetString()!;

        // Act: workflow A from version 1; the template updated to version 2 (a card step, another memo); workflow B from it, by name.
        var phoneA = TestPhones.New("556");
        var (createdA, a) = await CustomerScript.PostWorkflowAsync(business, FromTemplate("templateId", templateId, "A", phoneA));
        using var update = await business.PutAsJsonAsync($"{Templates}/{templateId}", Template("Rebates for new customers", "Version two memo", ["notification", "customer-account", "financial-account"]));
        var v2 = await update.Content.ReadFromJsonAsync<JsonElement>();
        var (createdB, b) = await CustomerScript.PostWorkflowAsync(business, FromTemplate("templateName", v1.GetProperty("name").GetString()!, "B", TestPhones.New("556")));

        // Assert: each workflow runs on its version.
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.Accepted), (createdA.StatusCode, update.StatusCode, createdB.StatusCode));
        Assert.Equal((templateId, 2), (v2.GetProperty("templateId").GetString(), v2.GetProperty("version").GetInt32()));
        var workflowA = await business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{a.GetProperty("workflowId").GetString()}");
        var workflowB = await business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{b.GetProperty("workflowId").GetString()}");
        Assert.Equal((templateId, v1.GetProperty("templateVersionId").GetString(), 2), (workflowA.GetProperty("templateId").GetString(), workflowA.GetProperty("templateVersionId").GetString(), workflowA.GetProperty("steps").GetArrayLength()));
        Assert.Equal((templateId, v2.GetProperty("templateVersionId").GetString(), 3), (workflowB.GetProperty("templateId").GetString(), workflowB.GetProperty("templateVersionId").GetString(), workflowB.GetProperty("steps").GetArrayLength()));
        var script = new CustomerScript(host);
        var tokenA = await script.TokenFromSmsAsync(phoneA, host.LinkOf(a));
        Assert.Equal("Version one memo", (await script.ViewAsync(tokenA)).GetProperty("customerMemo").GetString());
        Assert.Equal("Version two memo", (await script.ViewAsync(CustomerScript.TokenOf(host.LinkOf(b)))).GetProperty("customerMemo").GetString());
        var stats = (await business.GetFromJsonAsync<JsonElement>($"{Templates}/{templateId}")).GetProperty("stats");
        Assert.Equal((2, 2, 1, 1), (stats.GetProperty("allVersionsWorkflows").GetInt32(), stats.GetProperty("allVersionsActiveWorkflows").GetInt32(),
            stats.GetProperty("currentVersionWorkflows").GetInt32(), stats.GetProperty("currentVersionActiveWorkflows").GetInt32()));

        // Act and assert: A completes on version 1; its version no longer counts it as active.
        await script.CompleteAsync(tokenA, ["customer-account"]);
        await CustomerScript.WaitForStatusAsync(business, a.GetProperty("workflowId").GetString()!, "COMPLETED");
        var v1Stats = await Poll.UntilAsync(
            async () => (await business.GetFromJsonAsync<JsonElement>($"{Templates}/{templateId}/versions/{v1.GetProperty("templateVersionId").GetString()}")).GetProperty("stats"),
            s => s.GetProperty("currentVersionActiveWorkflows").GetInt32() == 0,
            CustomerScript.Deadline,
            "version 1 to count no active workflow");
        Assert.Equal((1, 2, 1), (v1Stats.GetProperty("currentVersionWorkflows").GetInt32(), v1Stats.GetProperty("allVersionsWorkflows").GetInt32(), v1Stats.GetProperty("allVersionsActiveWorkflows").GetInt32()));
        var versions = await business.GetFromJsonAsync<JsonElement>($"{Templates}/{templateId}/versions");
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Suspended_NewWorkflow_Refused422UntilActivated()
    {
        var (_, business) = await host.CreateBusinessAsync("Templates Suspended");
        var template = await CreateTemplateAsync(business, Template("Suspended one", null, ["notification", "customer-account"]));
        var templateId = template.GetProperty("templateId").GetString()!;

        using var suspend = await business.PostAsync($"{Templates}/{templateId}/suspend", null);
        var (refused, problem) = await CustomerScript.PostWorkflowAsync(business, FromTemplate("templateId", templateId, "Refused", TestPhones.New("556")));
        using var activate = await business.PostAsync($"{Templates}/{templateId}/activate", null);
        var (accepted, _) = await CustomerScript.PostWorkflowAsync(business, FromTemplate("templateId", templateId, "Accepted", TestPhones.New("556")));

        Assert.Equal("SUSPENDED", (await suspend.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(("$.templateId", ServiceErrorCodes.TemplateNotActive), (error.GetProperty("path").GetString(), error.GetProperty("errorCode").GetString()));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Accepted), (activate.StatusCode, accepted.StatusCode));
    }

    [Fact]
    public async Task AnotherBusiness_TemplateOfTheFirst_404And422()
    {
        var (_, owner) = await host.CreateBusinessAsync("Templates Owner");
        var (_, other) = await host.CreateBusinessAsync("Templates Other");
        var template = await CreateTemplateAsync(owner, Template("Owned", null, ["notification", "customer-account"]));
        var templateId = template.GetProperty("templateId").GetString()!;

        using var get = await other.GetAsync($"{Templates}/{templateId}");
        using var version = await other.GetAsync($"{Templates}/{templateId}/versions/{template.GetProperty("templateVersionId").GetString()}");
        using var update = await other.PutAsJsonAsync($"{Templates}/{templateId}", Template("Stolen", null, ["notification", "customer-account"]));
        using var delete = await other.DeleteAsync($"{Templates}/{templateId}");
        var (create, problem) = await CustomerScript.PostWorkflowAsync(other, FromTemplate("templateId", templateId, "Other", TestPhones.New("556")));
        var search = await other.GetFromJsonAsync<JsonElement>(Templates);

        Assert.All([get, version, update, delete], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, create.StatusCode);
        Assert.Equal(ServiceErrorCodes.TemplateNotFound, problem.GetProperty("errors")[0].GetProperty("errorCode").GetString());
        Assert.Equal(0, search.GetProperty("totalElements").GetInt32());
        Assert.Equal("ACTIVE", (await owner.GetFromJsonAsync<JsonElement>($"{Templates}/{templateId}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Create_BrokenTemplate_400WithEveryProblemAtTheTemplatesPaths()
    {
        var (_, business) = await host.CreateBusinessAsync("Templates Broken");
        var body = """
            {"name":"bad name!","definition":{"steps":[
              {"name":"notification","input":{"preDefined":{"channel":"FAX","currency":"USD"}}},
              {"name":"customer-account"},
              {"name":"teleport"}]},
             "defaultExpiryDays":400}
            """;

        using var response = await business.PostAsync(Templates, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("path").GetString(), e.GetProperty("errorCode").GetString())).ToList();
        Assert.Contains(("$.name", WorkflowErrorCodes.InvalidValue), errors);
        Assert.Contains(("$.displayName", WorkflowErrorCodes.FieldRequired), errors);
        Assert.Contains(("$.definition.steps[0].input.preDefined.currency", ServiceErrorCodes.ParameterOfAnotherStep), errors);
        Assert.Contains(("$.definition.steps[0].input.preDefined.channel", WorkflowErrorCodes.UnsupportedChannel), errors);
        Assert.Contains(("$.definition.steps[2].name", WorkflowErrorCodes.UnknownStep), errors);
        Assert.Contains(("$.defaultExpiryDays", WorkflowErrorCodes.ValueOutOfRange), errors);
        Assert.Equal(0, (await business.GetFromJsonAsync<JsonElement>(Templates)).GetProperty("totalElements").GetInt32());
    }

    [Fact]
    public async Task CreateWorkflow_BadTemplateRequest_400WithEveryProblemAndNothingStored()
    {
        var (_, business) = await host.CreateBusinessAsync("Templates Bad Request");
        var template = await CreateTemplateAsync(business, Template("Card payout", null, ["notification", "customer-account", "financial-account"]));
        var templateId = template.GetProperty("templateId").GetString()!;
        var body = $$$"""
            {"templateId":"{{{templateId}}}","title":"Bad","steps":[{"name":"notification"}],
             "parameters":{"phoneNumber":"not a phone","financialAccountSubType":"CREDIT"}}
            """;
        var both = $$$"""{"templateId":"{{{templateId}}}","templateName":"{{{template.GetProperty("name").GetString()}}}","title":"Both","parameters":{}}""";

        var (shape, shapeProblem) = await CustomerScript.PostWorkflowAsync(business, body);
        var (fixedParameter, fixedProblem) = await CustomerScript.PostWorkflowAsync(business, body.Replace("\"steps\":[{\"name\":\"notification\"}],", string.Empty, StringComparison.Ordinal));
        var (conflict, conflictProblem) = await CustomerScript.PostWorkflowAsync(business, both);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (shape.StatusCode, fixedParameter.StatusCode, conflict.StatusCode));
        Assert.Equal(("$.steps", ServiceErrorCodes.TemplateStepsFixed), FirstError(shapeProblem));
        var errors = fixedProblem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("path").GetString(), e.GetProperty("errorCode").GetString())).ToList();
        Assert.Contains(("$.parameters.financialAccountSubType", ServiceErrorCodes.TemplateParameterFixed), errors);
        Assert.Contains(("$.parameters.phoneNumber", WorkflowErrorCodes.InvalidPhoneNumber), errors);
        Assert.Equal(("$.templateName", ServiceErrorCodes.TemplateReferenceConflict), FirstError(conflictProblem));
        var stats = (await business.GetFromJsonAsync<JsonElement>($"{Templates}/{templateId}")).GetProperty("stats");
        Assert.Equal(0, stats.GetProperty("allVersionsWorkflows").GetInt32());
    }

    [Fact]
    public async Task Search_ByTextStatusAndSort_DeletedHiddenUnlessAsked()
    {
        var (_, business) = await host.CreateBusinessAsync("Templates Search");
        var alpha = await CreateTemplateAsync(business, Template("Alpha payout", null, ["notification", "customer-account"]));
        await CreateTemplateAsync(business, Template("Beta payout", null, ["notification", "customer-account"]));
        var gamma = await CreateTemplateAsync(business, Template("Gamma onboarding", null, ["notification", "customer-account"]));
        using var delete = await business.DeleteAsync($"{Templates}/{gamma.GetProperty("templateId").GetString()}");

        var all = await business.GetFromJsonAsync<JsonElement>($"{Templates}?sort=displayName,ASC");
        var payouts = await business.GetFromJsonAsync<JsonElement>($"{Templates}?search=PAYOUT&size=1&page=2&sort=displayName,DESC");
        var deleted = await business.GetFromJsonAsync<JsonElement>($"{Templates}?status=DELETED");
        using var badSort = await business.GetAsync($"{Templates}?sort=title,UP");

        Assert.Equal(["Alpha payout", "Beta payout"], Names(all));
        Assert.Equal((2, 2, 2, false), (payouts.GetProperty("totalElements").GetInt32(), payouts.GetProperty("totalPages").GetInt32(), payouts.GetProperty("number").GetInt32(), payouts.GetProperty("hasNext").GetBoolean()));
        Assert.Equal(["Alpha payout"], Names(payouts));
        Assert.Equal(["Gamma onboarding"], Names(deleted));
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
        Assert.Equal(alpha.GetProperty("templateId").GetString(), all.GetProperty("content")[0].GetProperty("templateId").GetString());
    }

    internal static object Template(string displayName, string? memo, string[] steps) => new
    {
        displayName,
        customerMemo = memo,
        defaultExpiryDays = 2,
        definition = new
        {
            steps = steps.Select(name => name switch
            {
                "notification" => (object)new { name, input = new { preDefined = new { channel = "SMS", introductoryMessage = "Your rebate is waiting" } } },
                "financial-account" => new { name, input = new { preDefined = new { financialAccountSubType = "DEBIT" } } },
                _ => new { name },
            }),
        },
    };

    internal static async Task<JsonElement> CreateTemplateAsync(HttpClient business, object template)
    {
        using var response = await business.PostAsJsonAsync(Templates, template);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body;
    }

    internal static string FromTemplate(string by, string template, string title, string phone) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { [by] = template, ["title"] = title, ["parameters"] = new { phoneNumber = phone } });

    private static (string?, string?) FirstError(JsonElement problem) =>
        (problem.GetProperty("errors")[0].GetProperty("path").GetString(), problem.GetProperty("errors")[0].GetProperty("errorCode").GetString());

    private static string[] Names(JsonElement page) => [.. page.GetProperty("content").EnumerateArray().Select(t => t.GetProperty("displayName").GetString()!)];
}
