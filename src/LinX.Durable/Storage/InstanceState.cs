using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using LinX.Core.Orchestration;
using LinX.Durable.Orchestration;

namespace LinX.Durable.Storage;

/// <summary>The instance row (status, input, output, outbox) and, when loaded, the instance's history.</summary>
internal sealed class InstanceState
{
    public const string InstanceRowKey = "instance";
    private const int MaxStackChars = 4000;

    // About 100 bytes each: 200 stay well inside one 64 KiB string property.
    private const int MaxPendingTimers = 200;

    public required string InstanceId { get; init; }

    public required string Name { get; init; }

    /// <summary>Random id of this execution; messages of an earlier execution with the same instance id are dropped.</summary>
    public required string ExecutionId { get; init; }

    public OrchestrationStatus Status { get; set; }

    public string? Input { get; init; }

    public string? Output { get; set; }

    public string? CustomStatus { get; set; }

    public FailureDetails? Failure { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastUpdatedAt { get; set; }

    /// <summary>Number of history rows written; the next row's index.</summary>
    public int HistoryRows { get; set; }

    /// <summary>Messages committed with the last episode and not yet known to be sent.</summary>
    public List<OutboxEntry> Outbox { get; set; } = [];

    /// <summary>Timer messages sent and not yet fired, deleted from the queue when the instance ends.</summary>
    public List<PendingTimer> PendingTimers { get; set; } = [];

    public List<HistoryEvent> History { get; } = [];

    /// <summary>True when this state is this process's snapshot of its own last write rather than a read.</summary>
    public bool FromCache { get; private init; }

    public ETag ETag { get; set; }

    public bool IsTerminal => Status is OrchestrationStatus.Completed or OrchestrationStatus.Failed
        or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled;

    /// <summary>A deep copy (the lists are copied; history events, messages and receipts are immutable records).</summary>
    public InstanceState Clone(bool fromCache)
    {
        var copy = new InstanceState
        {
            InstanceId = InstanceId,
            Name = Name,
            ExecutionId = ExecutionId,
            Status = Status,
            Input = Input,
            Output = Output,
            CustomStatus = CustomStatus,
            Failure = Failure,
            CreatedAt = CreatedAt,
            LastUpdatedAt = LastUpdatedAt,
            HistoryRows = HistoryRows,
            Outbox = [.. Outbox],
            PendingTimers = [.. PendingTimers],
            ETag = ETag,
            FromCache = fromCache,
        };
        copy.History.AddRange(History);
        return copy;
    }

    public static string HistoryRowKey(int index) => "h" + index.ToString("D8", CultureInfo.InvariantCulture);

    public static InstanceState FromEntity(string instanceId, TableEntity entity)
    {
        var outbox = LargeProperty.Read(entity, "Outbox");
        var timers = entity.GetString("Timers");
        var failureType = entity.GetString("FailureType");
        return new InstanceState
        {
            InstanceId = instanceId,
            Name = entity.GetString("Name") ?? string.Empty,
            ExecutionId = entity.GetString("ExecutionId") ?? string.Empty,
            Status = Enum.Parse<OrchestrationStatus>(entity.GetString("Status") ?? nameof(OrchestrationStatus.Pending)),
            Input = LargeProperty.Read(entity, "Input"),
            Output = LargeProperty.Read(entity, "Output"),
            CustomStatus = LargeProperty.Read(entity, "CustomStatus"),
            Failure = failureType is null
                ? null
                : new FailureDetails(failureType, entity.GetString("FailureMessage") ?? string.Empty, entity.GetString("FailureStack")),
            CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            LastUpdatedAt = entity.GetDateTimeOffset("LastUpdatedAt") ?? DateTimeOffset.MinValue,
            HistoryRows = entity.GetInt32("HistoryRows") ?? 0,
            Outbox = outbox is null ? [] : JsonSerializer.Deserialize<List<OutboxEntry>>(outbox, DurableJson.Internal) ?? [],
            PendingTimers = timers is null ? [] : JsonSerializer.Deserialize<List<PendingTimer>>(timers, DurableJson.Internal) ?? [],
            ETag = entity.ETag,
        };
    }

    public TableEntity ToEntity()
    {
        var entity = new TableEntity(InstanceKey.ToPartitionKey(InstanceId), InstanceRowKey)
        {
            ["InstanceId"] = InstanceId,
            ["Name"] = Name,
            ["ExecutionId"] = ExecutionId,
            ["Status"] = Status.ToString(),
            ["CreatedAt"] = CreatedAt,
            ["LastUpdatedAt"] = LastUpdatedAt,
            ["HistoryRows"] = HistoryRows,
        };
        LargeProperty.Write(entity, "Input", Input);
        LargeProperty.Write(entity, "Output", Output);
        LargeProperty.Write(entity, "CustomStatus", CustomStatus);
        if (Failure is not null)
        {
            entity["FailureType"] = Failure.ErrorType;
            entity["FailureMessage"] = Truncate(Failure.ErrorMessage, 16_000);
            if (Failure.StackTrace is not null)
            {
                entity["FailureStack"] = Truncate(Failure.StackTrace, MaxStackChars);
            }
        }

        if (Outbox.Count > 0)
        {
            LargeProperty.Write(entity, "Outbox", JsonSerializer.Serialize(Outbox, DurableJson.Internal));
        }

        if (PendingTimers.Count > 0)
        {
            // Bounded: the oldest are dropped (their messages are then left to fire and be ignored).
            entity["Timers"] = JsonSerializer.Serialize(PendingTimers.TakeLast(MaxPendingTimers), DurableJson.Internal);
        }

        return entity;
    }

    public OrchestrationInstance ToInstance(bool withPayloads) => new(
        Name,
        InstanceId,
        Status,
        CreatedAt,
        LastUpdatedAt,
        withPayloads ? Input : null,
        withPayloads ? Output : null,
        withPayloads ? CustomStatus : null,
        Failure);

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
