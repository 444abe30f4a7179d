namespace LinX.Durable.Orchestration;

internal enum ActionKind
{
    Activity = 0,
    Timer = 1,
}

/// <summary>Something the orchestrator code asked for: an activity call or a timer, numbered in call order.</summary>
internal sealed record OrchestratorAction(int Id, ActionKind Kind, string Name, string? Input, DateTime? FireAt);
