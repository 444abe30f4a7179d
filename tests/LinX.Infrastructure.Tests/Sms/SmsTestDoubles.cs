using System.Collections.Concurrent;
using Azure.Core;
using Microsoft.Extensions.Logging;

namespace LinX.Infrastructure.Tests.Sms;

/// <summary>Keeps every formatted log line (and exception text) for assertions on what must never be logged.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue($"{logLevel} {eventId.Id} {formatter(state, exception)} {exception}");
}

/// <summary>A Microsoft Entra ID stand-in: a fixed token, and the scopes it was asked for.</summary>
internal sealed class RecordingTokenCredential(string token) : TokenCredential
{
    private readonly ConcurrentQueue<string[]> _scopes = new();

    public IReadOnlyList<string[]> Scopes => [.. _scopes];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        _scopes.Enqueue(requestContext.Scopes);
        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
