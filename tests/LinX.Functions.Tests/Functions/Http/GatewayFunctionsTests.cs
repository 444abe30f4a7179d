using LinX.Api.Gateway;
using LinX.Core.Gateway;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;
using LinX.Functions.Functions.Http;
using LinX.Infrastructure.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Functions.Tests.Functions.Http;

[Collection(FunctionsHostTests.Name)]
public sealed class GatewayFunctionsTests(FunctionsHostFixture host)
{
    private const string NewProfile = """
        { "firstName": "Jane", "lastName": "Roe", "email": "jane.roe@example.com", "dateOfBirth": "1990-04-01",
          "address": { "streetLine1": "1 Main Street", "city": "Toronto", "stateCode": "ON", "postalCode": "M5V 2T6", "countryCode": "CA" } }
        """;

    [Fact]
    public async Task ViewAsync_LinkToken_Is200WithTheWorkflowAndNoStore()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey);
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("GET", $"/api/gateway/{workflow.Token}");

        var response = await FunctionInvocation.RunAsync(request, r => GatewayFunctions.ViewAsync(r, invocation.Client, workflow.Token));

        Assert.Equal(200, response.Status);
        Assert.Equal(workflow.WorkflowId, response.Json.GetProperty("workflowId").GetGuid());
        Assert.Equal(DemoData.BusinessName, response.Json.GetProperty("businessName").GetString());
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task ViewAsync_UnknownToken_Is404Problem()
    {
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("GET", "/api/gateway/not-a-token");

        var response = await FunctionInvocation.RunAsync(request, r => GatewayFunctions.ViewAsync(r, invocation.Client, "not-a-token"));

        Assert.Equal(404, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [Fact]
    public async Task PasscodeAsync_RightPasscode_Is204WithTheProofCookieOnTheLinksPath()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey, passcode: true);
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("POST", $"/api/gateway/{workflow.Token}/passcode", $$"""{ "passcode": "{{workflow.Passcode}}" }""");

        var response = await FunctionInvocation.RunAsync(request, r => GatewayFunctions.PasscodeAsync(r, invocation.Client, workflow.Token));

        Assert.Equal(204, response.Status);
        var cookie = response.Headers.SetCookie.ToString();
        Assert.StartsWith(GatewayEndpoints.PasscodeCookie + "=", cookie, StringComparison.Ordinal);
        Assert.Contains($"path=/api/gateway/{workflow.Token}", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PasscodeAsync_WrongPasscode_Is400Problem()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey, passcode: true);
        var wrong = workflow.Passcode == "000000" ? "111111" : "000000";
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("POST", $"/api/gateway/{workflow.Token}/passcode", $$"""{ "passcode": "{{wrong}}" }""");

        var response = await FunctionInvocation.RunAsync(request, r => GatewayFunctions.PasscodeAsync(r, invocation.Client, workflow.Token));

        Assert.Equal(400, response.Status);
        Assert.Contains(response.Json.GetProperty("errors").EnumerateArray(), e => e.GetProperty("errorCode").GetString() == "PASSCODE_WRONG");
    }

    [Fact]
    public async Task SubmitStepAsync_CurrentStep_Is202AndRaisesTheSubmittedProfile()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey);
        Assert.True(await Arrange.ActivateAsync(host, workflow, currentStep: 1));
        await using var invocation = host.NewInvocation();
        invocation.Durable.AcceptsEvents();
        var request = invocation.Request("POST", $"/api/gateway/{workflow.Token}/steps/{StepNames.CustomerAccount}", NewProfile);

        var response = await FunctionInvocation.RunAsync(
            request, r => GatewayFunctions.SubmitStepAsync(r, invocation.Client, workflow.Token, StepNames.CustomerAccount));

        Assert.Equal(202, response.Status);
        var raised = Assert.Single(invocation.Durable.Raised);
        Assert.Equal((workflow.WorkflowId.ToString("D"), WorkflowEvent.EventName), (raised.InstanceId, raised.EventName));
        var submission = Assert.IsType<WorkflowEvent>(raised.Payload);
        var profile = host.Services.GetRequiredService<CustomerSubmissions>().Open(workflow.WorkflowId, submission.SealedProfile!);
        Assert.Equal((WorkflowEventKind.Submit, StepNames.CustomerAccount, null, "Roe"), (submission.Kind, submission.StepName, submission.Profile, profile.LastName));
    }

    [Fact]
    public async Task SubmitStepAsync_WorkflowNotActiveYet_Is409ProblemAndRaisesNothing()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey);
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("POST", $"/api/gateway/{workflow.Token}/steps/{StepNames.CustomerAccount}", NewProfile);

        var response = await FunctionInvocation.RunAsync(
            request, r => GatewayFunctions.SubmitStepAsync(r, invocation.Client, workflow.Token, StepNames.CustomerAccount));

        Assert.Equal(409, response.Status);
        Assert.Empty(invocation.Durable.Raised);
    }

    [Fact]
    public async Task SubmitStepAsync_InvalidProfile_Is400ProblemWithFieldErrors()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey);
        Assert.True(await Arrange.ActivateAsync(host, workflow, currentStep: 1));
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("POST", $"/api/gateway/{workflow.Token}/steps/{StepNames.CustomerAccount}", """{ "firstName": "" }""");

        var response = await FunctionInvocation.RunAsync(
            request, r => GatewayFunctions.SubmitStepAsync(r, invocation.Client, workflow.Token, StepNames.CustomerAccount));

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").GetArrayLength() > 1);
        Assert.Empty(invocation.Durable.Raised);
    }

    [Fact]
    public async Task DeclineAsync_Reason_Is202AndRaisesTheDecline()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey);
        Assert.True(await Arrange.ActivateAsync(host, workflow, currentStep: 1));
        await using var invocation = host.NewInvocation();
        invocation.Durable.AcceptsEvents();
        var request = invocation.Request("POST", $"/api/gateway/{workflow.Token}/decline", """{ "reason": "NOT_INTERESTED", "comment": "No thanks" }""");

        var response = await FunctionInvocation.RunAsync(request, r => GatewayFunctions.DeclineAsync(r, invocation.Client, workflow.Token));

        Assert.Equal(202, response.Status);
        var decline = Assert.IsType<WorkflowEvent>(Assert.Single(invocation.Durable.Raised).Payload);
        Assert.Equal((WorkflowEventKind.Decline, DeclineReason.NotInterested, "No thanks"), (decline.Kind, decline.DeclineReason, decline.Comment));
    }

    [Fact]
    public async Task DeclineAsync_UnknownReason_Is400Problem()
    {
        var workflow = await Arrange.WorkflowAsync(host, DemoData.BusinessId, host.ApiKey);
        Assert.True(await Arrange.ActivateAsync(host, workflow, currentStep: 1));
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("POST", $"/api/gateway/{workflow.Token}/decline", """{ "reason": "BORED" }""");

        var response = await FunctionInvocation.RunAsync(request, r => GatewayFunctions.DeclineAsync(r, invocation.Client, workflow.Token));

        Assert.Equal(400, response.Status);
        Assert.Empty(invocation.Durable.Raised);
    }
}
