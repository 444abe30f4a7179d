using LinX.Core.Workflows;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Moq;
using Moq.Protected;

namespace LinX.Core.Tests.Orchestration;

/// <summary>
/// A strict Moq <see cref="TaskOrchestrationContext"/> driven by a script, for orchestrator decision tests. Each race
/// of an external event against a timer either receives the next scripted event (the clock moves on by the event's
/// delay once the race is set up, as if the event came later) or, when the script says so, sees its timer fire (the
/// clock jumps to the timer). Activities answer from handlers by name; every activity call, custom status, timer and
/// wait is recorded in order. Anything the orchestrator touches that is not set up here fails the test (strict).
/// </summary>
internal sealed class ScriptedContext
{
    private readonly Queue<ScriptStep> _script = new();
    private readonly Dictionary<string, Func<object?, (Task Task, object? Output)>> _answers = new(StringComparer.Ordinal);
    private readonly HashSet<Type> _outputTypes = [];
    private readonly Queue<Guid> _guids = new();
    private bool _eventDelivered;
    private TimeSpan _elapsing;

    public ScriptedContext(DateTime start)
    {
        Now = start;
        Mock.SetupGet(c => c.CurrentUtcDateTime).Returns(() => Now);
        Mock.SetupGet(c => c.IsReplaying).Returns(() => IsReplaying);
        Mock.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback<object?>(CustomStatuses.Add);
        Mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns<DateTime, CancellationToken>(NextTimer);

        // CreateReplaySafeLogger(string) is virtual with a real implementation: it wraps a logger of the protected
        // abstract LoggerFactory in one that checks IsReplaying on every write. CallBase runs that implementation, so
        // the tests go through the SDK's replay-safe wrapper instead of a stand-in; the strict mock then needs the
        // protected LoggerFactory (a recorder, set up through Protected()) and IsReplaying (above).
        Mock.Setup(c => c.CreateReplaySafeLogger(It.IsAny<string>())).CallBase();
        Mock.Protected().SetupGet<ILoggerFactory>("LoggerFactory").Returns(Logs);
    }

    public Mock<TaskOrchestrationContext> Mock { get; } = new(MockBehavior.Strict);

    public DateTime Now { get; private set; }

    /// <summary>What <see cref="TaskOrchestrationContext.IsReplaying"/> answers.</summary>
    public bool IsReplaying { get; set; }

    /// <summary>When set, every timer that is not raced by a delivered event fires (no script step needed).</summary>
    public bool FireEveryTimer { get; set; }

    public RecordingLoggerFactory Logs { get; } = new();

    public List<ActivityCall> Calls { get; } = [];

    public List<object?> CustomStatuses { get; } = [];

    public List<ScriptedWait> Timers { get; } = [];

    public List<ScriptedWait> EventWaits { get; } = [];

    public IEnumerable<string> ActivitySequence => Calls.Select(c => c.Name);

    public IEnumerable<DateTime> TimersCreated => Timers.Select(t => t.FireAt);

    public IEnumerable<T> InputsOf<T>() => Calls.Select(c => c.Input).OfType<T>();

    /// <summary>The workflow rows the run wrote, by version (<see cref="StatusWrites"/>).</summary>
    public IReadOnlyList<WorkflowStatusUpdate> StatusSnapshots => StatusWrites.Of(Calls.Select(c => (c.Input, c.Output)));

    /// <summary>Answers the external event <paramref name="eventName"/> from the script, typed as <typeparamref name="T"/>.</summary>
    public ScriptedContext ListenFor<T>(string eventName)
    {
        Mock.Setup(c => c.WaitForExternalEvent<T>(eventName, It.IsAny<CancellationToken>()))
            .Returns<string, CancellationToken>((_, token) => NextEvent<T>(token));
        return this;
    }

    /// <summary>Answers <see cref="TaskOrchestrationContext.NewGuid"/> with <paramref name="guids"/>, in order.</summary>
    public ScriptedContext NewGuids(params Guid[] guids)
    {
        foreach (var guid in guids)
        {
            _guids.Enqueue(guid);
        }

        Mock.Setup(c => c.NewGuid()).Returns(() => _guids.Dequeue());
        return this;
    }

    /// <summary>Answers activity <paramref name="name"/>; the cast of the input checks the input contract type.</summary>
    public ScriptedContext Answer<TInput, TOutput>(string name, Func<TInput, TOutput> answer)
    {
        SetupActivity<TOutput>();
        _answers[name] = input =>
        {
            try
            {
                var output = answer((TInput)input!);
                return (Task.FromResult(output), output);
            }
            catch (TaskFailedException e)
            {
                return (Task.FromException<TOutput>(e), null);
            }
        };
        return this;
    }

    /// <summary>Activity <paramref name="name"/> fails for good (its retries exhausted), as the SDK reports it.</summary>
    public ScriptedContext Fail<TOutput>(string name, string errorType, string message) =>
        Answer<object, TOutput>(name, _ => throw Failure(name, errorType, message));

    public ScriptedContext Raise(object payload, TimeSpan? after = null)
    {
        _script.Enqueue(new ScriptStep(payload, after ?? TimeSpan.FromMinutes(1)));
        return this;
    }

    public ScriptedContext FireTimer()
    {
        _script.Enqueue(new ScriptStep(null, TimeSpan.Zero));
        return this;
    }

    /// <summary>Runs <paramref name="orchestrator"/>; every answer is synchronous, so it must end within the script.</summary>
    public async Task<T> RunAsync<T>(Func<TaskOrchestrationContext, Task<T>> orchestrator)
    {
        var run = orchestrator(Mock.Object);
        Assert.True(run.IsCompleted, "The orchestration is still waiting: the script ran out.");
        return await run;
    }

    public static TaskFailedException Failure(string name, string errorType, string message) =>
        new(name, 1, new TaskFailureDetails(errorType, message, null, null, null));

    private void SetupActivity<TOutput>()
    {
        if (!_outputTypes.Add(typeof(TOutput)))
        {
            return;
        }

        Mock.Setup(c => c.CallActivityAsync<TOutput>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName name, object? input, TaskOptions? options) =>
            {
                Elapse();
                var call = new ActivityCall(name.Name, input, options, Now, null);
                Calls.Add(call); // before answering: an answer may depend on the calls so far
                if (!_answers.TryGetValue(name.Name, out var answer))
                {
                    throw new InvalidOperationException("Unexpected activity " + name.Name);
                }

                var (task, output) = answer(input);
                Calls[^1] = call with { Output = output };
                return task as Task<TOutput>
                    ?? throw new InvalidOperationException($"{name.Name} was called for a {typeof(TOutput).Name} but answers another type");
            });
    }

    private Task<T> NextEvent<T>(CancellationToken token)
    {
        Elapse();
        var wait = new ScriptedWait(Now, token);
        EventWaits.Add(wait);
        if (_script.TryPeek(out var step) && step.Payload is not null)
        {
            _script.Dequeue();
            _elapsing = step.After; // after the timer of this race is set up, which must not fire
            _eventDelivered = true;
            wait.Completed = true;
            return Task.FromResult((T)step.Payload);
        }

        return Pending<T>(token);
    }

    private Task NextTimer(DateTime fireAt, CancellationToken token)
    {
        var timer = new ScriptedWait(fireAt, token);
        Timers.Add(timer);
        var raced = _eventDelivered;
        _eventDelivered = false;
        Elapse();
        if (!raced && (FireEveryTimer || (_script.TryPeek(out var step) && step.Payload is null)))
        {
            if (!FireEveryTimer)
            {
                _script.Dequeue();
            }

            Now = fireAt;
            timer.Completed = true;
            return Task.CompletedTask;
        }

        return Pending<bool>(token);
    }

    /// <summary>The time a delivered event took to come passes once the orchestrator acts on it.</summary>
    private void Elapse()
    {
        Now += _elapsing;
        _elapsing = TimeSpan.Zero;
    }

    /// <summary>A wait that never completes unless cancelled, like the SDK's when its token is cancelled.</summary>
    private static Task<T> Pending<T>(CancellationToken token)
    {
        var source = new TaskCompletionSource<T>();
        token.Register(() => source.TrySetCanceled(token));
        return source.Task;
    }

    private sealed record ScriptStep(object? Payload, TimeSpan After);
}

/// <summary>One activity call: name, input, options, the orchestration time it was scheduled at and its output (null when it failed).</summary>
internal sealed record ActivityCall(string Name, object? Input, TaskOptions? Options, DateTime At, object? Output);

/// <summary>A timer (at its fire time) or an event wait (at the time it started), and whether it completed.</summary>
internal sealed class ScriptedWait(DateTime at, CancellationToken token)
{
    public DateTime FireAt { get; } = at;

    public CancellationToken Token { get; } = token;

    public bool Completed { get; set; }

    /// <summary>A wait that lost its race must be cancelled, or the real SDK keeps the instance running until it fires.</summary>
    public bool Abandoned => !Completed && !Token.IsCancellationRequested;
}
