using System.Globalization;
using Azure;
using Azure.Data.Tables;
using LinX.Core.Payments;
using LinX.Core.Security;
using LinX.Core.Workflows;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// Transactions: PK = business id, RK = transaction id, and an idempotency index row
/// (RK = <c>idem-{sha256(key)}</c>) in the same partition, written together in one entity-group transaction.
/// </summary>
internal sealed class TableTransactionStore : ITransactionStore
{
    private const string TransactionKind = "transaction";
    private const int MaxConcurrencyRetries = 10;

    private readonly TableClient _table;

    public TableTransactionStore(TableStorage storage)
    {
        _table = storage.Transactions;
    }

    public async Task<Transaction?> GetAsync(Guid businessId, Guid transactionId, CancellationToken cancellationToken) =>
        (await GetEntityAsync(businessId, transactionId, cancellationToken)) is { } e ? ToTransaction(e) : null;

    public async Task<Transaction?> FindByIdempotencyKeyAsync(Guid businessId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var index = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(businessId), IndexRowKey(idempotencyKey), cancellationToken: cancellationToken);
        return index.HasValue && index.Value?.GetGuid("TransactionId") is { } id ? await GetAsync(businessId, id, cancellationToken) : null;
    }

    public async Task<Transaction> CreateAsync(Transaction transaction, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Of(transaction.BusinessId);
        try
        {
            await _table.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.Add, ToEntity(transaction)),
                    new(TableTransactionActionType.Add, new TableEntity(partition, IndexRowKey(transaction.IdempotencyKey))
                    {
                        ["Kind"] = "idempotency",
                        ["TransactionId"] = transaction.TransactionId,
                    }),
                ],
                cancellationToken);
            return transaction;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return await FindByIdempotencyKeyAsync(transaction.BusinessId, transaction.IdempotencyKey, cancellationToken)
                ?? throw new InvalidOperationException("Conflicting transaction not found.", e);
        }
    }

    public async Task<Transaction> UpdateStatusAsync(
        Guid businessId,
        Guid transactionId,
        TransactionStatus status,
        string? processorReference,
        string? statusReason,
        DateTimeOffset? settleAt,
        DateTimeOffset? settledAt,
        string? statusReasonCode,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var entity = await GetEntityAsync(businessId, transactionId, cancellationToken)
                ?? throw new InvalidOperationException("The transaction does not exist.");
            var current = ToTransaction(entity);
            if (current.IsFinal || Rank(status) <= Rank(current.Status))
            {
                return current;
            }

            entity["Status"] = status.ToString();
            entity["ProcessorReference"] = processorReference ?? current.ProcessorReference;
            entity["StatusReason"] = statusReason;
            entity["SettleAt"] = settleAt;
            entity["SettledAt"] = settledAt;
            entity["StatusReasonCode"] = statusReasonCode;
            try
            {
                await _table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return ToTransaction(entity);
            }
            catch (RequestFailedException e) when (TableKeys.IsPreconditionFailed(e))
            {
                // Concurrent update: read again.
            }
        }

        throw new InvalidOperationException("The transaction kept changing; the update was not applied.");
    }

    private static int Rank(TransactionStatus status) => status switch
    {
        TransactionStatus.New => 0,
        TransactionStatus.Pending => 1,
        _ => 2,
    };

    private static string IndexRowKey(string idempotencyKey) => "idem-" + Hashing.Sha256Hex(idempotencyKey);

    private async Task<TableEntity?> GetEntityAsync(Guid businessId, Guid transactionId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(businessId), TableKeys.Of(transactionId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value?.GetString("Kind") == TransactionKind ? row.Value : null;
    }

    private static TableEntity ToEntity(Transaction t) => new(TableKeys.Of(t.BusinessId), TableKeys.Of(t.TransactionId))
    {
        ["Kind"] = TransactionKind,
        ["WorkflowId"] = t.WorkflowId,
        ["IdempotencyKey"] = t.IdempotencyKey,
        ["TransactionType"] = t.TransactionType.ToString(),
        ["Solution"] = t.Solution.ToString(),
        ["Priority"] = t.Priority.ToString(),
        ["Amount"] = TableKeys.Decimal(t.Amount),
        ["Currency"] = t.Currency,
        ["CustomerFinancialAccountId"] = t.CustomerFinancialAccountId,
        ["BaFinancialAccountId"] = t.BaFinancialAccountId,
        ["PaymentReasonId"] = t.PaymentReasonId,
        ["Description"] = t.Description,
        ["Memo"] = t.Memo,
        ["Status"] = t.Status.ToString(),
        ["ProcessorReference"] = t.ProcessorReference,
        ["StatusReason"] = t.StatusReason,
        ["CreatedAt"] = t.CreatedAt,
        ["SettleAt"] = t.SettleAt,
        ["SettledAt"] = t.SettledAt,
        ["StatusReasonCode"] = t.StatusReasonCode,

        // As text: Table Storage keeps a date in UTC only, and the start time is shown with the offset the business gave.
        ["StartDateTime"] = t.StartDateTime?.ToString("O", CultureInfo.InvariantCulture),
    };

    private static Transaction ToTransaction(TableEntity e) => new(
        Guid.Parse(e.RowKey),
        Guid.Parse(e.PartitionKey),
        e.GetGuid("WorkflowId"),
        e.GetString("IdempotencyKey") ?? string.Empty,
        Enum.Parse<TransactionType>(e.GetString("TransactionType") ?? nameof(TransactionType.Send)),
        Enum.Parse<PaymentSolution>(e.GetString("Solution") ?? nameof(PaymentSolution.PushToCard)),
        Enum.Parse<PaymentPriority>(e.GetString("Priority") ?? nameof(PaymentPriority.Immediate)),
        TableKeys.Decimal(e.GetString("Amount") ?? "0"),
        e.GetString("Currency") ?? string.Empty,
        e.GetGuid("CustomerFinancialAccountId") ?? Guid.Empty,
        e.GetGuid("BaFinancialAccountId") ?? Guid.Empty,
        e.GetString("PaymentReasonId") ?? string.Empty,
        e.GetString("Description"),
        e.GetString("Memo"),
        Enum.Parse<TransactionStatus>(e.GetString("Status") ?? nameof(TransactionStatus.New)),
        e.GetString("ProcessorReference"),
        e.GetString("StatusReason"),
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("SettleAt"),
        e.GetDateTimeOffset("SettledAt"))
    {
        StatusReasonCode = e.GetString("StatusReasonCode"),
        StartDateTime = e.GetString("StartDateTime") is { } start
            ? DateTimeOffset.Parse(start, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null,
    };
}
