using Azure.Data.Tables;
using LinX.Core.Consent;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// Consents: PK = business id, RK = <c>{workflowId}:{stepName}</c> for evidence (<c>{workflowId}:{stepName}:{documentId}</c>
/// for each document accepted on a document-acceptance step) and <c>{workflowId}:~decision</c> for
/// the decision (<c>{workflowId}:~decision:{n}</c> for payment attempt n's, ADR 0016). Both are insert-only, so the first write stands however many race.
/// </summary>
internal sealed class TableConsentStore : IConsentStore
{
    private const string DecisionKey = "~decision";

    private readonly TableClient _table;

    public TableConsentStore(TableStorage storage)
    {
        _table = storage.Consents;
    }

    public async Task RecordAsync(ConsentEvidence evidence, CancellationToken cancellationToken)
    {
        var name = evidence.DocumentId is { } documentId ? evidence.StepName + ":" + documentId : evidence.StepName;
        var row = new TableEntity(TableKeys.Of(evidence.BusinessId), RowKey(evidence.WorkflowId, name))
        {
            ["DocumentId"] = evidence.DocumentId,
            ["DocumentGroup"] = evidence.DocumentGroup?.ToString(),
            ["StepName"] = evidence.StepName,
            ["TextVersion"] = evidence.TextVersion,
            ["TextSha256"] = evidence.TextSha256,
            ["AcceptedAt"] = evidence.AcceptedAt,
            ["IpAddress"] = evidence.IpAddress,
            ["UserAgent"] = evidence.UserAgent,
            ["LinkDeliveredBy"] = evidence.LinkDeliveredBy,
            ["Text"] = evidence.Text,
            ["Kind"] = evidence.Kind.ToString(),
            ["Locale"] = evidence.Locale,
        };
        await TableKeys.TryAddAsync(_table, row, cancellationToken);
    }

    public async Task<IReadOnlyList<ConsentEvidence>> ListAsync(Guid businessId, Guid workflowId, CancellationToken cancellationToken)
    {
        var prefix = TableKeys.Of(workflowId) + ":";
        var evidence = new List<ConsentEvidence>();
        var rows = _table.QueryAsync<TableEntity>(
            e => e.PartitionKey == TableKeys.Of(businessId) && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(prefix + "~") < 0,
            cancellationToken: cancellationToken);
        await foreach (var row in rows)
        {
            evidence.Add(new ConsentEvidence(
                businessId, workflowId, row.GetString("StepName"), row.GetString("TextVersion"), row.GetString("TextSha256"),
                row.GetDateTimeOffset("AcceptedAt") ?? default, row.GetString("IpAddress"), row.GetString("UserAgent"),
                row.GetString("LinkDeliveredBy") ?? ConsentEvidence.LinXSms)
            {
                Text = row.GetString("Text"),
                Kind = Enum.TryParse<ConsentKind>(row.GetString("Kind"), out var kind) ? kind : ConsentKind.Step,
                Locale = row.GetString("Locale"),
                DocumentId = row.GetString("DocumentId"),
                DocumentGroup = Enum.TryParse<Core.Documents.DocumentGroup>(row.GetString("DocumentGroup"), out var group) ? group : null,
            });
        }

        return [.. evidence.OrderBy(e => e.AcceptedAt)];
    }

    public async Task<WorkflowDecision> DecideAsync(
        Guid businessId, Guid workflowId, WorkflowDecision decision, CancellationToken cancellationToken, int attempt = 1)
    {
        var name = Core.Payments.PaymentAttempt.KeyOf(DecisionKey, attempt);
        var row = new TableEntity(TableKeys.Of(businessId), RowKey(workflowId, name)) { ["Decision"] = decision.ToString() };
        if (await TableKeys.TryAddAsync(_table, row, cancellationToken))
        {
            return decision;
        }

        var stored = await _table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
        return Enum.Parse<WorkflowDecision>(stored.Value.GetString("Decision"));
    }

    private static string RowKey(Guid workflowId, string name) => TableKeys.Of(workflowId) + ":" + name;
}
