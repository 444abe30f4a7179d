using LinX.Client;
using LinX.Core.Workflows;
using LinX.Local.Tests;

namespace LinX.Client.Tests;

/// <summary>
/// A business's view of the API through the client generated from docs/openapi/linx-v1.json (nothing else talks to the
/// host): seed example 1 created and read back, a rejected request as typed problem details, a bad key as a 401.
/// </summary>
public sealed class GeneratedClientTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task CreateWorkflow_SeedExample1_IsReadBackWithItsSteps()
    {
        // Arrange: seed example 1 (a new customer account for John Doe), as the generated model types it.
        var client = new LinXClient(host.Business);
        var request = new WorkflowRequest
        {
            Title = "Create a new Customer Account for John Doe",
            ExpireIn = 2,
            Parameters = new WorkflowRequestParameters
            {
                Channel = WorkflowRequestParametersChannel.SMS,
                PhoneNumber = "+16471234567",
                IntroductoryMessage = "Create a new customer account",
            },
            Steps =
            [
                new WorkflowRequestStep { Name = WorkflowRequestStepName.Notification },
                new WorkflowRequestStep { Name = WorkflowRequestStepName.CustomerAccount },
            ],
        };

        // Act
        var created = await client.CreateWorkflowAsync($"client-{Guid.NewGuid():N}", request);
        var workflow = await client.GetWorkflowAsync(created.WorkflowId);

        // Assert
        Assert.Contains(created.Status, new[] { WorkflowStatus.CREATED, WorkflowStatus.ACTIVE });
        Assert.Null(created.Link);
        Assert.EndsWith($"/instances/{created.WorkflowId}", new Uri(created.StatusQueryGetUri).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(created.WorkflowId, workflow.Id);
        Assert.Equal(request.Title, workflow.Title);
        Assert.Contains(workflow.Status, new[] { WorkflowStatus.CREATED, WorkflowStatus.ACTIVE });
        Assert.Equal([StepNames.Notification, StepNames.CustomerAccount], workflow.Steps.Select(s => s.StepName));
        Assert.Equal("SMS", workflow.Channel);
        Assert.True(created.ExpireAt > DateTimeOffset.UtcNow.AddDays(1) && created.ExpireAt <= DateTimeOffset.UtcNow.AddDays(2));
    }

    [Fact]
    public async Task CreateWorkflow_InvalidRequest_ThrowsTypedProblemDetailsListingEveryProblem()
    {
        // Arrange: no phone number, and two customer steps.
        var client = new LinXClient(host.Business);
        var request = new WorkflowRequest
        {
            Title = "Invalid on purpose",
            Parameters = new WorkflowRequestParameters { Channel = WorkflowRequestParametersChannel.SMS, CustomerId = Guid.NewGuid() },
            Steps =
            [
                new WorkflowRequestStep { Name = WorkflowRequestStepName.Notification },
                new WorkflowRequestStep { Name = WorkflowRequestStepName.CustomerAccount },
                new WorkflowRequestStep { Name = WorkflowRequestStepName.LookupProfile },
            ],
        };

        // Act
        var problem = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => client.CreateWorkflowAsync(null, request));

        // Assert
        Assert.Equal(400, problem.StatusCode);
        Assert.Equal(400, problem.Result.Status);
        Assert.Equal("VALIDATION_FAILED", problem.Result.ErrorCode);
        Assert.False(string.IsNullOrEmpty(problem.Result.TraceId));
        Assert.Contains(problem.Result.Errors, e => e.Path == "$.parameters.phoneNumber" && e.ErrorCode == WorkflowErrorCodes.ParameterRequired);
        Assert.Contains(problem.Result.Errors, e => e.Path == "$.steps[2].name" && e.ErrorCode == WorkflowErrorCodes.StepsMutuallyExclusive);
    }

    [Fact]
    public async Task AnyBusinessOperation_BadApiKey_Throws401ProblemDetails()
    {
        // Arrange
        using var http = host.NewClient("linx_not_a_key");
        var client = new LinXClient(http);

        // Act
        var problem = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => client.GetPaymentReasonsAsync());

        // Assert
        Assert.Equal(401, problem.StatusCode);
        Assert.Equal("UNAUTHORIZED", problem.Result.ErrorCode);
        Assert.Contains("Bearer", problem.Headers["WWW-Authenticate"]);
    }
}
