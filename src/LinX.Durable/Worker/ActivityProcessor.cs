using Azure.Storage.Queues.Models;
using LinX.Core.Orchestration;
using LinX.Durable.Orchestration;
using LinX.Durable.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LinX.Durable.Worker;

/// <summary>
/// Runs one activity message: resolve the activity in a new DI scope, run it while keeping the message
/// hidden, send the result to the control queue, then delete the message (so a crash anywhere re-runs
/// the activity: at-least-once).
/// </summary>
internal sealed class ActivityProcessor
{
    private readonly TaskHubStorage _storage;
    private readonly DurableRegistry _registry;
    private readonly IServiceScopeFactory _scopes;
    private readonly DurableSignals _signals;
    private readonly DurableOptions _options;
    private readonly ILogger _logger;

    public ActivityProcessor(
        TaskHubStorage storage, DurableRegistry registry, IServiceScopeFactory scopes, DurableSignals signals, DurableOptions options, ILogger logger)
    {
        _storage = storage;
        _registry = registry;
        _scopes = scopes;
        _signals = signals;
        _options = options;
        _logger = logger;
    }

    public async Task ProcessAsync(QueueMessage raw, DurableMessage request, CancellationToken cancellationToken)
    {
        var name = request.Name ?? string.Empty;
        var receipt = new PopReceipt(raw.PopReceipt);
        DurableMessage result;
        if (raw.DequeueCount > _options.MaxActivityDequeueCount)
        {
            Log.PoisonActivity(_logger, name, request.InstanceId, raw.DequeueCount);
            result = Failed(request, new FailureDetails(
                "PoisonMessage", $"Activity '{name}' was delivered {raw.DequeueCount} times without completing."));
        }
        else if (_registry.FindActivity(name) is not { } activity)
        {
            result = Failed(request, new FailureDetails("ActivityNotFound", $"No activity named '{name}' is registered."));
        }
        else
        {
            using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var keepHidden = KeepHiddenAsync(raw.MessageId, receipt, renewal.Token);
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                var output = await activity.InvokeAsync(scope.ServiceProvider, request.Payload, cancellationToken);
                result = new DurableMessage(MessageKind.TaskCompleted, request.InstanceId, DurableMessage.NewId())
                {
                    ExecutionId = request.ExecutionId,
                    TaskId = request.TaskId,
                    Payload = output,
                };
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                result = Failed(request, OrchestrationExecutor.ToFailure(ex) with { ErrorType = ex.GetType().FullName ?? ex.GetType().Name });
            }
            finally
            {
                await renewal.CancelAsync();
                await keepHidden;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await _storage.SendAsync(new OutboxEntry(true, result), cancellationToken);
        }
        catch (PayloadTooLargeException ex)
        {
            await _storage.SendAsync(new OutboxEntry(true, Failed(request, new FailureDetails(nameof(PayloadTooLargeException), ex.Message))), cancellationToken);
        }

        _signals.Control.Set();
        await _storage.WorkItems.DeleteMessageAsync(raw.MessageId, receipt.Value, cancellationToken);
    }

    private static DurableMessage Failed(DurableMessage request, FailureDetails failure) =>
        new(MessageKind.TaskFailed, request.InstanceId, DurableMessage.NewId())
        {
            ExecutionId = request.ExecutionId,
            TaskId = request.TaskId,
            Failure = failure,
        };

    private async Task KeepHiddenAsync(string messageId, PopReceipt receipt, CancellationToken cancellationToken)
    {
        var period = _options.ActivityVisibilityTimeout / 2;
        try
        {
            while (true)
            {
                await Task.Delay(period, cancellationToken);
                var response = await _storage.WorkItems.UpdateMessageAsync(
                    messageId, receipt.Value, visibilityTimeout: _options.ActivityVisibilityTimeout, cancellationToken: cancellationToken);
                receipt.Value = response.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException)
        {
            // The activity finished (or the worker stops): no more renewals.
        }
        catch (Azure.RequestFailedException ex)
        {
            // Lost the message (e.g. it became visible and another worker took it): the result is still sent, duplicates are dropped.
            Log.ActivityDispatchFailed(_logger, "renewal", messageId, ex);
        }
    }

    private sealed class PopReceipt(string value)
    {
        public string Value { get; set; } = value;
    }
}
