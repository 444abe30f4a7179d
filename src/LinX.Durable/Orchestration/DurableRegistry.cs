namespace LinX.Durable.Orchestration;

/// <summary>The orchestrators and activities registered with AddOrchestrator/AddActivity, by name (case-insensitive).</summary>
internal sealed class DurableRegistry
{
    private readonly Dictionary<string, OrchestratorRegistration> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ActivityRegistration> _activities = new(StringComparer.OrdinalIgnoreCase);

    public DurableRegistry(IEnumerable<OrchestratorRegistration> orchestrators, IEnumerable<ActivityRegistration> activities)
    {
        foreach (var o in orchestrators)
        {
            if (!_orchestrators.TryAdd(o.Name, o))
            {
                throw new InvalidOperationException($"Orchestrator '{o.Name}' is registered twice.");
            }
        }

        foreach (var a in activities)
        {
            if (!_activities.TryAdd(a.Name, a))
            {
                throw new InvalidOperationException($"Activity '{a.Name}' is registered twice.");
            }
        }
    }

    public OrchestratorRegistration? FindOrchestrator(string name) => _orchestrators.GetValueOrDefault(name);

    public ActivityRegistration? FindActivity(string name) => _activities.GetValueOrDefault(name);
}
