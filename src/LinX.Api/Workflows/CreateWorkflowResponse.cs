using System.Text.Json.Serialization;
using LinX.Api.Management;
using LinX.Core.Management;
using LinX.Core.Workflows;

namespace LinX.Api.Workflows;

/// <summary>
/// The 202 answer to a create: the workflow, the passcode (only on first creation) and the Durable management URIs
/// (<c>id</c>, <c>statusQueryGetUri</c>, ...), as Durable Functions returns them. The customer's link is not in it: the
/// link and the passcode together complete the customer's steps, so a business never holds both (ADR 0012) — unless it
/// chose channel BUSINESS, handing the link over itself, when the answer (and its replay) carries it.
/// </summary>
public sealed record CreateWorkflowResponse(
    Guid WorkflowId,
    WorkflowStatus Status,
    DateTimeOffset ExpireAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Link,
    string? Passcode,
    string Id,
    string StatusQueryGetUri,
    string SendEventPostUri,
    string TerminatePostUri,
    string PurgeHistoryDeleteUri)
{
    public static CreateWorkflowResponse From(WorkflowCreated created, ManagementPayload management) => new(
        created.WorkflowId, created.Status, created.ExpireAt, created.LinkDeliveredByBusiness ? created.Link : null, created.Passcode,
        management.Id, management.StatusQueryGetUri, management.SendEventPostUri, management.TerminatePostUri, management.PurgeHistoryDeleteUri);
}
