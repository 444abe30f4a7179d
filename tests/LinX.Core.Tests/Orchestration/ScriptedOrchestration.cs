using LinX.Core.Activities;
using LinX.Core.Orchestration;
using LinX.Core.Payments;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace LinX.Core.Tests.Orchestration;

/// <summary>
/// A strict Moq <see cref="IOrchestrationContext"/> driven by a script: each wait either receives the next
/// scripted event or, when the script says so, sees its timer fire (time then jumps to the timer). Activities
/// answer from handlers by name; every call is recorded in order.
/// </summary>
internal sealed class ScriptedOrchestration
{
    private readonly Queue<Step> _script = new();
    private readonly Dictionary<string, Func<object, object>> _activities = [];
    private bool _eventDelivered;

    public ScriptedOrchestration(LinxOrchestrationInput input, DateTime start)
    {
        Input = input;
        Now = start;
        Context.SetupGet(c => c.CurrentUtcDateTime).Returns(() => Now);
        Context.SetupGet(c => c.InstanceId).Returns(input.WorkflowId.ToString("D"));
        Context.SetupGet(c => c.IsReplaying).Returns(false);
        Context.Setup(c => c.GetInput<LinxOrchestrationInput>()).Returns(input);
        Context.Setup(c => c.CreateReplaySafeLogger<LinxOrchestration>()).Returns(NullLogger.Instance);
        Context.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback<object?>(s => CustomStatuses.Add(s));
        SetupActivity<SendNotificationOutput>();
        SetupActivity<StepActivityOutput>();
        SetupActivity<TransactionOutput>();
        SetupActivity<bool>();
        Context.Setup(c => c.WaitForExternalEvent<WorkflowEvent>(WorkflowEvent.EventName, It.IsAny<CancellationToken>()))
            .Returns(() => NextEvent());
        Context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime fireAt, CancellationToken _) => NextTimer(fireAt));

        Handle(ActivityNames.SendNotification, i =>
        {
            var n = (SendNotificationInput)i;
            return new SendNotificationOutput(n.Serial, n.Origin, Now, true, "msg-" + n.Serial);
        });
        Handle(ActivityNames.UpdateWorkflowStatus, _ => true);
    }

    public Mock<IOrchestrationContext> Context { get; } = new(MockBehavior.Strict);

    public LinxOrchestrationInput Input { get; }

    public DateTime Now { get; private set; }

    public List<(string Name, object Input)> Calls { get; } = [];

    public List<object?> CustomStatuses { get; } = [];

    public List<DateTime> TimersCreated { get; } = [];

    public IEnumerable<string> ActivitySequence => Calls.Select(c => c.Name);

    public IEnumerable<T> InputsOf<T>() => Calls.Select(c => c.Input).OfType<T>();

    public ScriptedOrchestration Handle(string activity, Func<object, object> handler)
    {
        _activities[activity] = handler;
        return this;
    }

    public ScriptedOrchestration Raise(WorkflowEvent e, TimeSpan? after = null)
    {
        _script.Enqueue(new Step(e, after));
        return this;
    }

    public ScriptedOrchestration FireTimer()
    {
        _script.Enqueue(new Step(null, null));
        return this;
    }

    public async Task<WorkflowResult> RunAsync()
    {
        var run = LinxOrchestration.RunAsync(Context.Object);
        Assert.True(run.IsCompleted, "The orchestration is still waiting: the script ran out.");
        return await run;
    }

    public static StepActivityOutput Found(Guid id) => new(id, true, new Dictionary<string, string> { ["id"] = id.ToString("D") });

    public static TransactionOutput Transaction(Guid id, TransactionStatus status, DateTime? settleAt = null, string? reason = null) =>
        new(id, status, settleAt, reason, new Dictionary<string, string> { ["status"] = status.ToString() });

    private void SetupActivity<T>() =>
        Context.Setup(c => c.CallActivityAsync<T>(It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<ActivityOptions?>()))
            .Returns((string name, object? input, ActivityOptions? _) =>
            {
                Calls.Add((name, input!));
                if (!_activities.TryGetValue(name, out var handler))
                {
                    throw new InvalidOperationException("Unexpected activity " + name);
                }

                try
                {
                    return Task.FromResult((T)handler(input!));
                }
                catch (ActivityFailedException e)
                {
                    return Task.FromException<T>(e);
                }
            });

    private Task<WorkflowEvent> NextEvent()
    {
        if (_script.TryPeek(out var step) && step.Event is not null)
        {
            _script.Dequeue();
            Now += step.After ?? TimeSpan.FromMinutes(1);
            _eventDelivered = true; // the timer of this same race must not fire
            return Task.FromResult(step.Event);
        }

        return new TaskCompletionSource<WorkflowEvent>().Task;
    }

    private Task NextTimer(DateTime fireAt)
    {
        TimersCreated.Add(fireAt);
        var raced = _eventDelivered;
        _eventDelivered = false;
        if (!raced && _script.TryPeek(out var step) && step.Event is null)
        {
            _script.Dequeue();
            Now = fireAt;
            return Task.CompletedTask;
        }

        return new TaskCompletionSource().Task;
    }

    private sealed record Step(WorkflowEvent? Event, TimeSpan? After);
}
