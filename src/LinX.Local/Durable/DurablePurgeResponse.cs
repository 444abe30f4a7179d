namespace LinX.Local.Durable;

/// <summary>The body of Durable Functions' "purge instance history" HTTP API (documents the purge answer).</summary>
internal sealed record DurablePurgeResponse(int InstancesDeleted);
