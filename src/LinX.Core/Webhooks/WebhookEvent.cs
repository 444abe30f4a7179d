using System.Text.Json;
using LinX.Core.Common;

namespace LinX.Core.Webhooks;

/// <summary>
/// The envelope every receiver gets: <c>{ id, type, createdAt, data }</c>. <see cref="Id"/> is deterministic per
/// (workflow, version, type), so a re-run of the activity produces the same event and receivers can dedupe on it.
/// </summary>
public sealed record WebhookEvent(Guid Id, string Type, DateTimeOffset CreatedAt, object Data)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The id of the event of <paramref name="type"/> raised by update <paramref name="version"/> of a workflow.</summary>
    public static Guid IdOf(Guid workflowId, long version, string type) => DeterministicId.From(workflowId, $"webhook:{version}:{type}");

    /// <summary>The JSON body sent (and signed).</summary>
    public string ToJson() => JsonSerializer.Serialize(new { id = Id, type = Type, createdAt = CreatedAt, data = Data }, Json);
}

/// <summary>
/// A step as <c>linx.workflow-updated</c> shows it (RocketKOR's <c>previousStepStatus</c>, <c>currentStepStatus</c>,
/// <c>nextStepStatus</c>): its id (the detail's <c>steps[].id</c>), status, name, display name and when it took that
/// status (<c>updateAt</c>, RocketKOR's spelling); LinX adds its index.
/// </summary>
public sealed record WebhookStepView(Guid Id, string Status, string Name, string DisplayName, DateTimeOffset? UpdateAt, int Index);

/// <summary>
/// The data of <c>financial-account.state-updated</c> in RocketKOR's shape: the account, its status and since when
/// (<c>dateTime</c>), its previous status and since when (null for a new account), when the update was made; LinX adds
/// the workflow, the customer, the sub type and the last 4.
/// </summary>
public sealed record FinancialAccountStateUpdate(
    Guid FinancialAccountId, DateTimeOffset DateTime, string Status, string? PreviousStatus, DateTimeOffset? PreviousDateTime, DateTimeOffset CreatedAt,
    Guid WorkflowId, Guid? CustomerId, string? FinancialAccountSubType, string? Last4)
{
    /// <summary>Statuses of RocketKOR's enum: PENDING (being processed), ACTIVE, SUSPENDED (cannot be used).</summary>
    public const string Pending = "PENDING";

    public const string Active = "ACTIVE";

    public const string Suspended = "SUSPENDED";
}

/// <summary>
/// The data of <c>customer.status-updated</c> in RocketKOR's shape, as <see cref="FinancialAccountStateUpdate"/>: the
/// customer, its status and since when (<c>dateTime</c>), its previous status and since when (null for a new customer),
/// when the update was made; LinX adds the workflow and the origin (<c>CREATED</c>).
/// </summary>
public sealed record CustomerStatusUpdate(
    Guid CustomerId, DateTimeOffset DateTime, string Status, string? PreviousStatus, DateTimeOffset? PreviousDateTime, DateTimeOffset CreatedAt,
    Guid WorkflowId, string Origin)
{
    /// <summary>The status of a customer the workflow created (<see cref="Customers.CustomerStatus.Active"/>).</summary>
    public const string Active = "ACTIVE";

    /// <summary>The origin of a customer the workflow's customer-account step created.</summary>
    public const string Created = "CREATED";
}
