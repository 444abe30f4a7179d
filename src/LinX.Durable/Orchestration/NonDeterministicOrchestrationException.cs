namespace LinX.Durable.Orchestration;

/// <summary>
/// The orchestrator's replay diverged from its recorded history (code changed under a running instance,
/// or the orchestrator is not deterministic). The instance fails with this error.
/// </summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    public NonDeterministicOrchestrationException(string message)
        : base(message)
    {
    }
}
