using System.Text;
using LinX.Core.Activities;
using LinX.Core.Orchestration;
using LinX.Core.Webhooks;
using LinX.Core.Workflows;
using LinX.Functions.Functions;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Moq.Protected;

namespace LinX.Functions.Tests.Functions;

/// <summary>
/// The orchestrator functions hand Durable Functions' context and their typed input to LinX.Core's orchestrators
/// unchanged (the orchestrators themselves are tested in LinX.Core.Tests): strict context mocks, driven to an end.
/// </summary>
public sealed class OrchestratorFunctionsTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task LinxOrchestrator_NotificationFails_RunsTheWorkflowOfItsInputToFailed()
    {
        var plan = new WorkflowRequestValidator().Validate(Encoding.UTF8.GetBytes(Arrange.Seed(1))).Plan!;
        var input = new LinxOrchestrationInput(Guid.NewGuid(), Guid.NewGuid(), plan, Now.AddDays(2), TimeSpan.FromDays(1));
        var context = StrictContext();
        var calls = new List<(string Name, object? Input)>();
        context.Setup(c => c.CallActivityAsync<SendNotificationOutput>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((name, activityInput, _) => calls.Add((name.Name, activityInput)))
            .ThrowsAsync(new TaskFailedException(ActivityNames.SendNotification, 0, new TaskFailureDetails("SmsDeliveryException", "refused", null, null, null)));
        context.Setup(c => c.CallActivityAsync<bool>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((name, activityInput, _) => calls.Add((name.Name, activityInput)))
            .ReturnsAsync(true);

        var result = await LinxOrchestratorFunction.RunAsync(context.Object, input);

        Assert.Equal(WorkflowStatus.Failed, result.Status);
        Assert.Equal([ActivityNames.SendNotification, ActivityNames.UpdateWorkflowStatus], calls.Select(c => c.Name));
        var notification = Assert.IsType<SendNotificationInput>(calls[0].Input);
        Assert.Equal((input.BusinessId, input.WorkflowId, 0), (notification.BusinessId, notification.WorkflowId, notification.Serial));
        var update = Assert.IsType<WorkflowStatusUpdate>(calls[1].Input);
        Assert.Equal((input.WorkflowId, WorkflowStatus.Failed), (update.WorkflowId, update.Status));
    }

    [Fact]
    public async Task WebhookDispatchOrchestrator_SubscriptionInactive_LoadsItsInputsPendingEventsAndEnds()
    {
        var input = new WebhookDispatchInput(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), TimeSpan.FromSeconds(30), TimeSpan.FromHours(2), TimeSpan.FromHours(24), TimeSpan.FromHours(1));
        var context = StrictContext();
        PendingWebhooksInput? loaded = null;
        context.Setup(c => c.CallActivityAsync<PendingWebhooksOutput>(
                It.Is<TaskName>(n => n.Name == WebhookActivityNames.LoadPendingWebhooks), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, activityInput, _) => loaded = activityInput as PendingWebhooksInput)
            .ReturnsAsync(new PendingWebhooksOutput(Active: false, []));

        var ended = await WebhookDispatchOrchestratorFunction.RunAsync(context.Object, input);

        Assert.Equal("inactive", ended);
        Assert.Equal(new PendingWebhooksInput(input.BusinessId, input.SubscriptionId, input.WorkflowId), loaded);
    }

    /// <summary>
    /// A strict context with the clock, custom status and the SDK's own replay-safe logger (its virtual
    /// implementation over the protected logger factory); each test adds the activities it expects.
    /// </summary>
    private static Mock<TaskOrchestrationContext> StrictContext()
    {
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Strict);
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        context.SetupGet(c => c.IsReplaying).Returns(false);
        context.Setup(c => c.SetCustomStatus(It.IsAny<object?>()));
        context.Setup(c => c.CreateReplaySafeLogger(It.IsAny<string>())).CallBase();
        context.Protected().SetupGet<ILoggerFactory>("LoggerFactory").Returns(NullLoggerFactory.Instance);
        return context;
    }
}
