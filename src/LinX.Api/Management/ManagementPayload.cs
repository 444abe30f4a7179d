namespace LinX.Api.Management;

/// <summary>
/// The Durable management URIs returned with a started workflow: the fields of Durable Functions'
/// <c>HttpManagementPayload</c> that LinX exposes, serialized camelCase by both hosts.
/// </summary>
public sealed record ManagementPayload(
    string Id,
    string StatusQueryGetUri,
    string SendEventPostUri,
    string TerminatePostUri,
    string PurgeHistoryDeleteUri);
