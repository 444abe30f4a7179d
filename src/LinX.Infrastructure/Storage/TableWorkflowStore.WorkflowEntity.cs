using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using LinX.Core.Payments;
using LinX.Core.Workflows;

namespace LinX.Infrastructure.Storage;

/// <summary>The workflow row of <see cref="TableWorkflowStore"/>.</summary>
internal sealed partial class TableWorkflowStore
{
    /// <summary>The workflow row.</summary>
    internal sealed class WorkflowEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string Kind { get; set; } = WorkflowKind;

        public Guid WorkflowId { get; set; }

        public Guid BusinessId { get; set; }

        public string Title { get; set; } = string.Empty;

        public Guid? TemplateId { get; set; }

        public Guid? TemplateVersionId { get; set; }

        public string? SearchTermsJson { get; set; }

        public string PlanJson { get; set; } = string.Empty;

        public string Status { get; set; } = string.Empty;

        public int CurrentStep { get; set; }

        public string StepsJson { get; set; } = "[]";

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset ExpireAt { get; set; }

        public DateTimeOffset? NextNotificationAt { get; set; }

        public DateTimeOffset? CompletedAt { get; set; }

        public string? DeclineReason { get; set; }

        public string? DeclineComment { get; set; }

        public string? FailureReason { get; set; }

        public string? FailureCode { get; set; }

        public string? PaymentAttemptsJson { get; set; }

        public Guid? CustomerId { get; set; }

        public Guid? FinancialAccountId { get; set; }

        public Guid? TransactionId { get; set; }

        public string EncryptedPhoneNumber { get; set; } = string.Empty;

        public string MaskedPhoneNumber { get; set; } = string.Empty;

        public string LinkTokenHash { get; set; } = string.Empty;

        public string? PasscodeHash { get; set; }

        public int FailedPasscodeAttempts { get; set; }

        public DateTimeOffset? LockedAt { get; set; }

        public string? IdempotencyKeyHash { get; set; }

        public string RequestHash { get; set; } = string.Empty;

        public Guid? BatchId { get; set; }

        public int? BatchPosition { get; set; }

        public long Version { get; set; }

        public static WorkflowEntity From(WorkflowRecord r) => new()
        {
            PartitionKey = TableKeys.Of(r.BusinessId),
            RowKey = TableKeys.Of(r.WorkflowId),
            WorkflowId = r.WorkflowId,
            BusinessId = r.BusinessId,
            Title = r.Title,
            TemplateId = r.TemplateId,
            TemplateVersionId = r.TemplateVersionId,
            SearchTermsJson = r.SearchTerms.Count == 0 ? null : JsonSerializer.Serialize(r.SearchTerms, TableKeys.Json),
            PlanJson = JsonSerializer.Serialize(r.Plan, TableKeys.Json),
            Status = r.Status.ToContractString(),
            CurrentStep = r.CurrentStep,
            StepsJson = JsonSerializer.Serialize(r.Steps, TableKeys.Json),
            CreatedAt = r.CreatedAt,
            ExpireAt = r.ExpireAt,
            NextNotificationAt = r.NextNotificationAt,
            CompletedAt = r.CompletedAt,
            DeclineReason = r.DeclineReason,
            DeclineComment = r.DeclineComment,
            FailureReason = r.FailureReason,
            FailureCode = r.FailureCode,
            PaymentAttemptsJson = r.PaymentAttempts.Count == 0 ? null : JsonSerializer.Serialize(r.PaymentAttempts, TableKeys.Json),
            CustomerId = r.CustomerId,
            FinancialAccountId = r.FinancialAccountId,
            TransactionId = r.TransactionId,
            EncryptedPhoneNumber = r.EncryptedPhoneNumber,
            MaskedPhoneNumber = r.MaskedPhoneNumber,
            LinkTokenHash = r.LinkTokenHash,
            PasscodeHash = r.PasscodeHash,
            FailedPasscodeAttempts = r.FailedPasscodeAttempts,
            LockedAt = r.LockedAt,
            IdempotencyKeyHash = r.IdempotencyKeyHash,
            RequestHash = r.RequestHash,
            BatchId = r.BatchId,
            BatchPosition = r.BatchPosition,
            Version = r.Version,
        };

        public void Apply(WorkflowStatusUpdate u)
        {
            Version = u.Version;
            Status = u.Status.ToContractString();
            CurrentStep = u.CurrentStep;
            StepsJson = JsonSerializer.Serialize(u.Steps, TableKeys.Json);
            ExpireAt = u.ExpireAt;
            NextNotificationAt = u.NextNotificationAt;
            CompletedAt = u.CompletedAt;
            DeclineReason = u.DeclineReason;
            DeclineComment = u.DeclineComment;
            FailureReason = u.FailureReason;
            FailureCode = u.FailureCode ?? FailureCode;
            PaymentAttemptsJson = u.PaymentAttempts is { Count: > 0 } attempts ? JsonSerializer.Serialize(attempts, TableKeys.Json) : PaymentAttemptsJson;
            CustomerId = u.CustomerId;
            FinancialAccountId = u.FinancialAccountId;
            TransactionId = u.TransactionId;
            if (u.AddedSearchTerms is { Count: > 0 } added)
            {
                SearchTermsJson = JsonSerializer.Serialize(SearchTerms().Union(added, StringComparer.Ordinal).ToList(), TableKeys.Json);
            }
        }

        private List<string> SearchTerms() => SearchTermsJson is null ? [] : JsonSerializer.Deserialize<List<string>>(SearchTermsJson, TableKeys.Json) ?? [];

        public WorkflowRecord ToRecord() => new()
        {
            WorkflowId = WorkflowId,
            BusinessId = BusinessId,
            Title = Title,
            TemplateId = TemplateId,
            TemplateVersionId = TemplateVersionId,
            SearchTerms = SearchTerms(),
            Plan = JsonSerializer.Deserialize<WorkflowPlan>(PlanJson, TableKeys.Json)!,
            Status = Enum.Parse<WorkflowStatus>(Status, ignoreCase: true),
            CurrentStep = CurrentStep,
            Steps = JsonSerializer.Deserialize<List<StepState>>(StepsJson, TableKeys.Json) ?? [],
            CreatedAt = CreatedAt,
            ExpireAt = ExpireAt,
            NextNotificationAt = NextNotificationAt,
            CompletedAt = CompletedAt,
            DeclineReason = DeclineReason,
            DeclineComment = DeclineComment,
            FailureReason = FailureReason,
            FailureCode = FailureCode,
            PaymentAttempts = PaymentAttemptsJson is null ? [] : JsonSerializer.Deserialize<List<PaymentAttempt>>(PaymentAttemptsJson, TableKeys.Json) ?? [],
            CustomerId = CustomerId,
            FinancialAccountId = FinancialAccountId,
            TransactionId = TransactionId,
            EncryptedPhoneNumber = EncryptedPhoneNumber,
            MaskedPhoneNumber = MaskedPhoneNumber,
            LinkTokenHash = LinkTokenHash,
            PasscodeHash = PasscodeHash,
            FailedPasscodeAttempts = FailedPasscodeAttempts,
            LockedAt = LockedAt,
            IdempotencyKeyHash = IdempotencyKeyHash,
            RequestHash = RequestHash,
            BatchId = BatchId,
            BatchPosition = BatchPosition,
            Version = Version,
            ETag = ETag.ToString(),
        };
    }
}
