using LinX.Core.Orchestration;

namespace LinX.Durable.Orchestration;

/// <summary>An orchestrator by name; runs the user function and serializes its output.</summary>
internal sealed record OrchestratorRegistration(string Name, Func<IOrchestrationContext, Task<string?>> RunAsync);

/// <summary>An activity by name; resolves it from the given (scoped) provider, runs it, serializes its output.</summary>
internal sealed record ActivityRegistration(string Name, Func<IServiceProvider, string?, CancellationToken, Task<string?>> InvokeAsync);
