using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LinX.Core.Tests.Orchestration;

/// <summary>
/// A logger factory that keeps every entry written through it to the categories it records (all by default);
/// thread-safe, since the replay host logs from its workers.
/// </summary>
internal sealed class RecordingLoggerFactory(Func<string, bool>? records = null) : ILoggerFactory
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IEnumerable<LogEntry> InCategory(string category) => _entries.Where(e => e.Category == category);

    public ILogger CreateLogger(string categoryName) =>
        records is null || records(categoryName) ? new Recorder(categoryName, _entries) : NullLogger.Instance;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, eventId.Id, formatter(state, exception)));
    }
}

/// <summary>One log entry as written.</summary>
internal sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message);
