using LinX.Durable.Orchestration;
using LinX.Durable.Storage;

namespace LinX.Durable.Tests;

public sealed class HistoryCacheTests
{
    [Fact]
    public void TryGet_SameExecutionAndRowCount_ReturnsTheHistory()
    {
        // Arrange
        var cache = new HistoryCache(1024 * 1024);
        cache.Set(State("a", "x1", rows: 2, events: 3));

        // Act
        var history = cache.TryGet("a", "x1", 2);

        // Assert
        Assert.NotNull(history);
        Assert.Equal(3, history.Count);
    }

    [Theory]
    [InlineData("x1", 3)]
    [InlineData("x2", 2)]
    public void TryGet_RowCountOrExecutionChanged_MissesAndForgetsTheEntry(string executionId, int rows)
    {
        // Arrange
        var cache = new HistoryCache(1024 * 1024);
        cache.Set(State("a", "x1", rows: 2, events: 3));

        // Act
        var history = cache.TryGet("a", executionId, rows);

        // Assert
        Assert.Null(history);
        Assert.False(cache.Contains("a"));
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void Set_OverBudget_EvictsTheLeastRecentlyUsed()
    {
        // Arrange: room for two of these histories, and a was read after b was written.
        var budget = (SizeOf(State("a", "x", 1, 10)) * 2) + 1;
        var cache = new HistoryCache(budget);
        cache.Set(State("a", "x", 1, 10));
        cache.Set(State("b", "x", 1, 10));
        Assert.NotNull(cache.TryGet("a", "x", 1));

        // Act
        cache.Set(State("c", "x", 1, 10));

        // Assert
        Assert.True(cache.Contains("a"));
        Assert.False(cache.Contains("b"));
        Assert.True(cache.Contains("c"));
        Assert.InRange(cache.Bytes, 1, budget);
    }

    [Fact]
    public void Set_HistoryLargerThanTheBudget_IsNotCached()
    {
        // Arrange
        var cache = new HistoryCache(100);

        // Act
        cache.Set(State("a", "x", rows: 1, events: 10));

        // Assert
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void Set_Again_ReplacesTheEntryAndItsSize()
    {
        // Arrange
        var cache = new HistoryCache(1024 * 1024);
        cache.Set(State("a", "x", rows: 1, events: 1));
        var small = cache.Bytes;

        // Act
        cache.Set(State("a", "x", rows: 2, events: 5));

        // Assert
        Assert.Equal(1, cache.Count);
        Assert.True(cache.Bytes > small);
        Assert.Null(cache.TryGet("a", "x", 1));
    }

    private static long SizeOf(InstanceState state)
    {
        var cache = new HistoryCache(long.MaxValue);
        cache.Set(state);
        return cache.Bytes;
    }

    private static InstanceState State(string id, string executionId, int rows, int events)
    {
        var state = new InstanceState { InstanceId = id, Name = "O", ExecutionId = executionId, HistoryRows = rows };
        for (var i = 0; i < events; i++)
        {
            state.History.Add(new HistoryEvent(HistoryEventType.TaskCompleted) { TaskId = i, Payload = new string('p', 100) });
        }

        return state;
    }
}
