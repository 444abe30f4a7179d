using System.Text.Json;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;
using LinX.Functions.Functions.Http;

namespace LinX.Functions.Tests.Functions.Http;

/// <summary>The template endpoints through their functions (no Durable client binding), and a workflow from a template through CreateWorkflow.</summary>
[Collection(FunctionsHostTests.Name)]
public sealed class TemplateFunctionsTests(FunctionsHostFixture host)
{
    private const string Template = """
        {"displayName":"Functions template","customerMemo":"Welcome","definition":{"steps":[
          {"name":"notification","input":{"preDefined":{"channel":"SMS"}}},{"name":"customer-account"}]}}
        """;

    [Fact]
    public async Task Lifecycle_ThroughTheFunctions_CreateUpdateReadSearchAndStates()
    {
        await using var invocation = host.NewInvocation();

        var created = await FunctionInvocation.RunAsync(invocation.Request("POST", "/api/linx/templates", Template, host.ApiKey), TemplateFunctions.CreateAsync);
        var id = created.Json.GetProperty("templateId").GetString()!;
        var updated = await FunctionInvocation.RunAsync(
            invocation.Request("PUT", $"/api/linx/templates/{id}", Template.Replace("Welcome", "Welcome back", StringComparison.Ordinal), host.ApiKey),
            r => TemplateFunctions.UpdateAsync(r, id));
        var latest = await FunctionInvocation.RunAsync(invocation.Request("GET", $"/api/linx/templates/{id}", apiKey: host.ApiKey), r => TemplateFunctions.GetAsync(r, id));
        var versions = await FunctionInvocation.RunAsync(
            invocation.Request("GET", $"/api/linx/templates/{id}/versions", apiKey: host.ApiKey), r => TemplateFunctions.VersionsAsync(r, id));
        var firstId = created.Json.GetProperty("templateVersionId").GetString()!;
        var first = await FunctionInvocation.RunAsync(
            invocation.Request("GET", $"/api/linx/templates/{id}/versions/{firstId}", apiKey: host.ApiKey), r => TemplateFunctions.VersionAsync(r, id, firstId));
        var suspended = await FunctionInvocation.RunAsync(
            invocation.Request("POST", $"/api/linx/templates/{id}/suspend", apiKey: host.ApiKey), r => TemplateFunctions.SuspendAsync(r, id));
        var archived = await FunctionInvocation.RunAsync(
            invocation.Request("POST", $"/api/linx/templates/{id}/archive", apiKey: host.ApiKey), r => TemplateFunctions.ArchiveAsync(r, id));
        var activated = await FunctionInvocation.RunAsync(
            invocation.Request("POST", $"/api/linx/templates/{id}/activate", apiKey: host.ApiKey), r => TemplateFunctions.ActivateAsync(r, id));
        var search = await FunctionInvocation.RunAsync(
            invocation.Request("GET", $"/api/linx/templates?search={id}", apiKey: host.ApiKey), TemplateFunctions.SearchAsync);
        var deleted = await FunctionInvocation.RunAsync(
            invocation.Request("DELETE", $"/api/linx/templates/{id}", apiKey: host.ApiKey), r => TemplateFunctions.DeleteAsync(r, id));
        var reactivated = await FunctionInvocation.RunAsync(
            invocation.Request("POST", $"/api/linx/templates/{id}/activate", apiKey: host.ApiKey), r => TemplateFunctions.ActivateAsync(r, id));

        Assert.Equal((201, 200, 200, 200, 200), (created.Status, updated.Status, latest.Status, versions.Status, first.Status));
        Assert.Equal((2, "Welcome back"), (latest.Json.GetProperty("version").GetInt32(), latest.Json.GetProperty("customerMemo").GetString()));
        Assert.Equal((1, "Welcome"), (first.Json.GetProperty("version").GetInt32(), first.Json.GetProperty("customerMemo").GetString()));
        Assert.Equal(2, versions.Json.GetArrayLength());
        Assert.Equal(["SUSPENDED", "ARCHIVED", "ACTIVE", "DELETED"], new[] { suspended, archived, activated, deleted }.Select(r => r.Json.GetProperty("state").GetString()));
        Assert.Equal(id, Assert.Single(search.Json.GetProperty("content").EnumerateArray()).GetProperty("templateId").GetString());
        Assert.Equal(409, reactivated.Status);
    }

    [Fact]
    public async Task CreateWorkflow_FromATemplate_SchedulesTheTemplatesSteps()
    {
        await using var invocation = host.NewInvocation();
        invocation.Durable.AcceptsSchedules();
        var created = await FunctionInvocation.RunAsync(invocation.Request("POST", "/api/linx/templates", Template, host.ApiKey), TemplateFunctions.CreateAsync);
        var body = JsonSerializer.Serialize(new { templateId = created.Json.GetProperty("templateId").GetString(), title = "From a template", parameters = new { phoneNumber = "+16475550199" } });

        var response = await FunctionInvocation.RunAsync(
            invocation.Request("POST", "/api/linx/workflows", body, host.ApiKey), r => WorkflowFunctions.CreateAsync(r, invocation.Client));

        Assert.Equal(202, response.Status);
        var input = Assert.IsType<LinxOrchestrationInput>(Assert.Single(invocation.Durable.Scheduled).Input);
        Assert.Equal([StepNames.Notification, StepNames.CustomerAccount], input.Plan.Steps.Select(s => s.Name));
        Assert.Equal(("Welcome", created.Json.GetProperty("templateVersionId").GetGuid()), (input.Plan.CustomerMemo, input.Plan.Template!.TemplateVersionId));
    }
}
