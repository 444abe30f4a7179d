using System.Text.Json.Serialization;
using LinX.Core.Workflows;

namespace LinX.Core.Payments;

/// <summary>Status of a transaction: NEW -> PENDING -> SETTLED | CLEARED, or DECLINED | ERROR.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TransactionStatus>))]
public enum TransactionStatus
{
    [JsonStringEnumMemberName("NEW")] New,
    [JsonStringEnumMemberName("PENDING")] Pending,
    [JsonStringEnumMemberName("SETTLED")] Settled,
    [JsonStringEnumMemberName("CLEARED")] Cleared,
    [JsonStringEnumMemberName("DECLINED")] Declined,
    [JsonStringEnumMemberName("ERROR")] Error,
}

/// <summary>A money movement between a customer's and the business's financial accounts.</summary>
/// <remarks><c>IdempotencyKey</c>: Unique per business: <c>{workflowId}:move-money</c> for a workflow's first attempt, <c>{workflowId}:move-money:{n}</c> for attempt n.</remarks>
public sealed record Transaction(
    Guid TransactionId,
    Guid BusinessId,
    Guid? WorkflowId,
    string IdempotencyKey,
    TransactionType TransactionType,
    PaymentSolution Solution,
    PaymentPriority Priority,
    decimal Amount,
    string Currency,
    Guid CustomerFinancialAccountId,
    Guid BaFinancialAccountId,
    string PaymentReasonId,
    string? Description,
    string? Memo,
    TransactionStatus Status,
    string? ProcessorReference,
    string? StatusReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SettleAt,
    DateTimeOffset? SettledAt)
{
    /// <summary>Why it was DECLINED or ERROR, as a <see cref="PaymentDeclineCodes"/> code (null otherwise, and in rows from before ADR 0016).</summary>
    public string? StatusReasonCode { get; init; }

    /// <summary>When a SCHEDULED transaction moves, with the offset the business gave (ADR 0024); null for any other priority.</summary>
    public DateTimeOffset? StartDateTime { get; init; }

    public bool IsFinal => Status is TransactionStatus.Settled or TransactionStatus.Cleared or TransactionStatus.Declined or TransactionStatus.Error;
}
