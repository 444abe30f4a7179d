using System.Text.Json;
using LinX.Core.Activities;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LinX.Infrastructure.Tests.Support;

/// <summary>
/// Runs <see cref="LinxOrchestration"/> in process, without replay, on this <see cref="TaskOrchestrationContext"/>:
/// the real activities (resolved through <see cref="ActivityCatalog"/>, one DI scope per call, as the SDK worker does)
/// against Azurite, the fake clock, and events from <see cref="RecordingDurableTaskClient"/>. The input, the output,
/// activity inputs and outputs, events and custom statuses go through JSON (<see cref="JsonSerializerDefaults.Web"/>,
/// the hosts' converter) as a durable history would, and that JSON is kept in <see cref="History"/> for the
/// personal-data scan. Timers fire only when the test says so. Retry policies are not simulated: an activity's first
/// failure reaches the orchestrator as <see cref="TaskFailedException"/>. Members LinX's orchestrator does not use throw.
/// With <c>runsPerActivity</c> 2 every activity runs twice, as at-least-once delivery may run it (a worker lost after the
/// activity ran, before its result reached history), and the orchestrator gets the second run's result.
/// </summary>
internal sealed class InlineOrchestration : TaskOrchestrationContext
{
    /// <summary>How long a test waits for a run to end: a hang fails the test instead of the test run.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lock _lock = new();
    private readonly TestHost _host;
    private readonly string _input;
    private readonly InlineTimers _timers;
    private readonly InlineEvents _events = new(Json);
    private readonly int _runsPerActivity;
    private int _lastTaskId;

    public InlineOrchestration(TestHost host, LinxOrchestrationInput input, int runsPerActivity = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runsPerActivity, 1);
        _host = host;
        _runsPerActivity = runsPerActivity;
        _timers = new InlineTimers(host.Time);
        InstanceId = input.WorkflowId.ToString("D");
        _input = Record(JsonSerializer.Serialize(input, Json));
        host.Orchestrations.Attach(InstanceId, (name, payload) => _events.Raise(name, Record(JsonSerializer.Serialize(payload, Json))));
    }

    public List<string> History { get; } = [];

    /// <summary>The run; reading it before <see cref="Start"/> fails instead of answering a result nobody computed.</summary>
    public Task<WorkflowResult> Run { get; private set; } = Task.FromException<WorkflowResult>(new InvalidOperationException("Start() was not called."));

    public bool HasPendingTimer => _timers.HasPending;

    public override TaskName Name => LinxOrchestration.Name;

    public override string InstanceId { get; }

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => _host.Time.GetUtcNow().UtcDateTime;

    public override bool IsReplaying => false;

    protected override ILoggerFactory LoggerFactory => _host.Get<ILoggerFactory>();

    public InlineOrchestration Start()
    {
        Run = RunAsync();
        return this;
    }

    /// <summary>Moves the clock to the earliest pending timer and fires it.</summary>
    public DateTime FireNextTimer() => _timers.FireNext();

    public override T? GetInput<T>()
        where T : default => JsonSerializer.Deserialize<T>(_input, Json);

    public override async Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        var activity = ActivityCatalog.Find(name.Name) ?? throw new InvalidOperationException("Unknown activity " + name.Name);
        var taskId = Interlocked.Increment(ref _lastTaskId);
        var typedInput = JsonSerializer.Deserialize(Record(JsonSerializer.Serialize(input, activity.InputType, Json)), activity.InputType, Json)!;
        object? output = null;
        try
        {
            for (var run = 0; run < _runsPerActivity; run++)
            {
                await using var scope = _host.Services.CreateAsyncScope();
                output = await activity.Invoke(scope.ServiceProvider, typedInput, CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            throw new TaskFailedException(name.Name, taskId, e);
        }

        return JsonSerializer.Deserialize<TResult>(Record(JsonSerializer.Serialize(output, activity.OutputType, Json)), Json)!;
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => _timers.CreateAsync(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        _events.WaitAsync<T>(eventName, cancellationToken);

    public override void SetCustomStatus(object? customStatus) => Record(JsonSerializer.Serialize(customStatus, Json));

    public override Guid NewGuid() => throw new NotSupportedException();

    public override void SendEvent(string instanceId, string eventName, object payload) => throw new NotSupportedException();

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        throw new NotSupportedException();

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => throw new NotSupportedException();

    /// <summary>The run as the engine sees it: Running, then Completed with its output in history, or Failed.</summary>
    private async Task<WorkflowResult> RunAsync()
    {
        _host.Orchestrations.SetStatus(InstanceId, OrchestrationRuntimeStatus.Running);
        WorkflowResult result;
        try
        {
            result = await Task.Run(() => LinxOrchestration.RunAsync(this, GetInput<LinxOrchestrationInput>()!));
        }
        catch
        {
            _host.Orchestrations.SetStatus(InstanceId, OrchestrationRuntimeStatus.Failed);
            throw;
        }

        var output = JsonSerializer.Deserialize<WorkflowResult>(Record(JsonSerializer.Serialize(result, Json)), Json)!;
        _host.Orchestrations.SetStatus(InstanceId, OrchestrationRuntimeStatus.Completed);
        return output;
    }

    private string Record(string json)
    {
        lock (_lock)
        {
            History.Add(json);
        }

        return json;
    }
}
