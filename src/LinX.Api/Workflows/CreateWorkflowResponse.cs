using LinX.Api.Management;
using LinX.Core.Management;
using LinX.Core.Workflows;

namespace LinX.Api.Workflows;

/// <summary>
/// The 202 answer to a create: the workflow, its customer link, the passcode (only on first creation)
/// and the Durable management URIs (<c>id</c>, <c>statusQueryGetUri</c>, ...), as Durable Functions returns them.
/// </summary>
public sealed record CreateWorkflowResponse(
    Guid WorkflowId,
    WorkflowStatus Status,
    DateTimeOffset ExpireAt,
    string Link,
    string? Passcode,
    string Id,
    string StatusQueryGetUri,
    string SendEventPostUri,
    string TerminatePostUri,
    string PurgeHistoryDeleteUri)
{
    public static CreateWorkflowResponse From(WorkflowCreated created, ManagementPayload management) => new(
        created.WorkflowId, created.Status, created.ExpireAt, created.Link, created.Passcode,
        management.Id, management.StatusQueryGetUri, management.SendEventPostUri, management.TerminatePostUri, management.PurgeHistoryDeleteUri);
}
