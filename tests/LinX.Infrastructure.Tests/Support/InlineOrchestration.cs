using System.Text.Json;
using LinX.Core.Activities;
using LinX.Core.Orchestration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LinX.Infrastructure.Tests.Support;

/// <summary>
/// Runs <see cref="LinxOrchestration"/> in process, without replay, against the real activities (resolved through
/// <see cref="ActivityCatalog"/>) and Azurite. Inputs, outputs and events go through JSON as a durable runtime's
/// history would, and that JSON is kept in <see cref="History"/> for the personal-data scan. Timers fire only when
/// the test says so, after moving the fake clock.
/// </summary>
internal sealed class InlineOrchestration : IOrchestrationContext
{
    /// <summary>How long a test waits for a run to end: a hang fails the test instead of the test run.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lock _lock = new();
    private readonly TestHost _host;
    private readonly string _input;
    private readonly Queue<string> _buffered = new();
    private readonly List<(DateTime FireAt, TaskCompletionSource Timer)> _timers = [];
    private TaskCompletionSource<WorkflowEvent>? _waiting;

    public InlineOrchestration(TestHost host, LinxOrchestrationInput input)
    {
        _host = host;
        InstanceId = input.WorkflowId.ToString("D");
        _input = Record(JsonSerializer.Serialize(input, Json));
        host.Orchestrations.OnRaised = (id, payload) =>
        {
            if (id == InstanceId)
            {
                Raise((WorkflowEvent)payload!);
            }
        };
    }

    public List<string> History { get; } = [];

    public string InstanceId { get; }

    public DateTime CurrentUtcDateTime => _host.Time.GetUtcNow().UtcDateTime;

    public bool IsReplaying => false;

    public Task<WorkflowResult> Run { get; private set; } = Task.FromResult(new WorkflowResult(Core.Workflows.WorkflowStatus.Created));

    public InlineOrchestration Start()
    {
        Run = Task.Run(() => LinxOrchestration.RunAsync(this));
        return this;
    }

    public Guid NewGuid() => Guid.NewGuid();

    public T? GetInput<T>() => JsonSerializer.Deserialize<T>(_input, Json);

    public async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityOptions? options = null)
    {
        var activity = ActivityCatalog.Find(name) ?? throw new InvalidOperationException("Unknown activity " + name);
        var typedInput = JsonSerializer.Deserialize(Record(JsonSerializer.Serialize(input, activity.InputType, Json)), activity.InputType, Json)!;
        object? output;
        try
        {
            output = await activity.Invoke(_host.Services, typedInput, CancellationToken.None);
        }
        catch (Exception e) when (e is not ActivityFailedException)
        {
            throw new ActivityFailedException(name, new FailureDetails(e.GetType().FullName!, e.Message));
        }

        return JsonSerializer.Deserialize<TResult>(Record(JsonSerializer.Serialize(output, activity.OutputType, Json)), Json)!;
    }

    public Task CallActivityAsync(string name, object? input = null, ActivityOptions? options = null) => CallActivityAsync<object>(name, input, options);

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var timer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _timers.Add((fireAt, timer));
        }

        cancellationToken.Register(() =>
        {
            lock (_lock)
            {
                _timers.RemoveAll(t => t.Timer == timer);
            }
        });
        return timer.Task;
    }

    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_buffered.TryDequeue(out var json))
            {
                return Task.FromResult(JsonSerializer.Deserialize<T>(json, Json)!);
            }

            var waiting = new TaskCompletionSource<WorkflowEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting = waiting;
            cancellationToken.Register(() =>
            {
                lock (_lock)
                {
                    if (_waiting == waiting)
                    {
                        _waiting = null;
                    }
                }
            });
            return (Task<T>)(object)waiting.Task;
        }
    }

    public void SetCustomStatus(object? customStatus) => Record(JsonSerializer.Serialize(customStatus, Json));

    public ILogger CreateReplaySafeLogger<T>() => NullLogger.Instance;

    /// <summary>Moves the clock to the earliest pending timer and fires it.</summary>
    public DateTime FireNextTimer()
    {
        (DateTime FireAt, TaskCompletionSource Timer) next;
        lock (_lock)
        {
            next = _timers.OrderBy(t => t.FireAt).First();
            _timers.Remove(next);
        }

        var now = _host.Time.GetUtcNow();
        if (next.FireAt > now.UtcDateTime)
        {
            _host.Time.Advance(next.FireAt - now.UtcDateTime);
        }

        next.Timer.SetResult();
        return next.FireAt;
    }

    public bool HasPendingTimer
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count > 0;
            }
        }
    }

    private void Raise(WorkflowEvent e)
    {
        var json = Record(JsonSerializer.Serialize(e, Json));
        lock (_lock)
        {
            if (_waiting is { } waiting)
            {
                _waiting = null;
                waiting.SetResult(JsonSerializer.Deserialize<WorkflowEvent>(json, Json)!);
            }
            else
            {
                _buffered.Enqueue(json);
            }
        }
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
