using Azure;
using LinX.Durable.Orchestration;
using LinX.Durable.Storage;

namespace LinX.Durable.Tests;

public sealed class InstanceCacheTests
{
    [Fact]
    public void TryGet_Cached_ReturnsACopyMarkedFromCache()
    {
        // Arrange
        var cache = new InstanceCache(1024 * 1024);
        cache.Set(State("a", events: 3));

        // Act
        var first = cache.TryGet("a")!;
        first.History.Clear();
        first.Outbox.Add(new OutboxEntry(true, new DurableMessage(MessageKind.TimerFired, "a", "m")));
        var second = cache.TryGet("a")!;

        // Assert
        Assert.True(second.FromCache);
        Assert.Equal(3, second.History.Count);
        Assert.Empty(second.Outbox);
        Assert.Equal(new ETag("\"1\""), second.ETag);
    }

    [Fact]
    public void Set_WithoutETag_ForgetsTheInstance()
    {
        // Arrange: without an ETag a snapshot could not be committed against safely.
        var cache = new InstanceCache(1024 * 1024);
        cache.Set(State("a", events: 1));
        var unknownETag = State("a", events: 2);
        unknownETag.ETag = default;

        // Act
        cache.Set(unknownETag);

        // Assert
        Assert.Null(cache.TryGet("a"));
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void Set_OverBudget_EvictsTheLeastRecentlyUsed()
    {
        // Arrange: room for two of these, and a was read after b was written.
        var budget = (SizeOf(State("a", 10)) * 2) + 1;
        var cache = new InstanceCache(budget);
        cache.Set(State("a", 10));
        cache.Set(State("b", 10));
        Assert.NotNull(cache.TryGet("a"));

        // Act
        cache.Set(State("c", 10));

        // Assert
        Assert.True(cache.Contains("a"));
        Assert.False(cache.Contains("b"));
        Assert.True(cache.Contains("c"));
        Assert.InRange(cache.Bytes, 1, budget);
    }

    [Fact]
    public void Set_LargerThanTheBudget_IsNotCached()
    {
        // Arrange
        var cache = new InstanceCache(100);

        // Act
        cache.Set(State("a", events: 10));

        // Assert
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void Set_Again_ReplacesTheSnapshotAndItsSize()
    {
        // Arrange
        var cache = new InstanceCache(1024 * 1024);
        cache.Set(State("a", events: 1));
        var small = cache.Bytes;

        // Act
        cache.Set(State("a", events: 5));

        // Assert
        Assert.Equal(1, cache.Count);
        Assert.True(cache.Bytes > small);
        Assert.Equal(5, cache.TryGet("a")!.History.Count);
    }

    private static long SizeOf(InstanceState state)
    {
        var cache = new InstanceCache(long.MaxValue);
        cache.Set(state);
        return cache.Bytes;
    }

    private static InstanceState State(string id, int events)
    {
        var state = new InstanceState { InstanceId = id, Name = "O", ExecutionId = "x", HistoryRows = 1, ETag = new ETag("\"1\"") };
        for (var i = 0; i < events; i++)
        {
            state.History.Add(new HistoryEvent(HistoryEventType.TaskCompleted) { TaskId = i, Payload = new string('p', 100) });
        }

        return state;
    }
}
