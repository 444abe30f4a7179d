using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using LinX.Core.Common;
using LinX.Core.Security;
using LinX.Core.Templates;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// Templates: PK = business id. The head row (RK <c>t-{templateId}</c>) holds the state and a copy of the latest version;
/// each version is a row of its own (RK <c>v-{templateId}-{version:D6}</c>), never changed; a name index row (RK
/// <c>n-{sha256(lower-case name)}</c>) makes names unique per business. A create writes the three rows, an update the
/// new version and the head (guarded by its ETag), each in one entity-group transaction. Usage counters live with the
/// workflows (<see cref="TemplateUsageCounters"/>).
/// </summary>
internal sealed class TableTemplateStore : ITemplateStore
{
    private const string HeadKind = "template";
    private const string VersionKind = "version";

    private readonly TableClient _table;
    private readonly TableClient _workflows;

    public TableTemplateStore(TableStorage storage)
    {
        _table = storage.Templates;
        _workflows = storage.Workflows;
    }

    public async Task<TemplateWriteOutcome> CreateAsync(TemplateVersion first, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(first);
        var partition = TableKeys.Of(first.BusinessId);
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Add, Head(first)),
            new(TableTransactionActionType.Add, VersionRow(first)),
            new(TableTransactionActionType.Add, new TableEntity(partition, NameKey(first.Name)) { ["Kind"] = "name", ["TemplateId"] = first.TemplateId }),
        ];
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            return TemplateWriteOutcome.Written;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return TemplateWriteOutcome.Conflict;
        }
    }

    public async Task<TemplateWriteOutcome> AddVersionAsync(TemplateVersion next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var head = await HeadAsync(next.BusinessId, next.TemplateId, cancellationToken);
        if (head is null)
        {
            return TemplateWriteOutcome.NotFound;
        }

        if (head.GetInt32("Version") != next.Version - 1)
        {
            return TemplateWriteOutcome.Conflict;
        }

        var newHead = Head(next with { State = ParseState(head) });
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.UpdateReplace, newHead, head.ETag),
            new(TableTransactionActionType.Add, VersionRow(next)),
        ];
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            return TemplateWriteOutcome.Written;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return TemplateWriteOutcome.Conflict;
        }
    }

    public async Task<TemplateVersion?> GetLatestAsync(Guid businessId, Guid templateId, CancellationToken cancellationToken) =>
        await HeadAsync(businessId, templateId, cancellationToken) is { } head ? ToVersion(head, ParseState(head)) : null;

    public async Task<TemplateVersion?> GetVersionAsync(Guid businessId, Guid templateId, Guid templateVersionId, CancellationToken cancellationToken) =>
        (await ListVersionsAsync(businessId, templateId, cancellationToken)).FirstOrDefault(v => v.TemplateVersionId == templateVersionId);

    public async Task<IReadOnlyList<TemplateVersion>> ListVersionsAsync(Guid businessId, Guid templateId, CancellationToken cancellationToken)
    {
        if (await HeadAsync(businessId, templateId, cancellationToken) is not { } head)
        {
            return [];
        }

        var state = ParseState(head);
        var from = VersionPrefix(templateId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Of(businessId)} and RowKey ge {from} and RowKey lt {from[..^1] + "."}");
        var versions = new List<TemplateVersion>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            versions.Add(ToVersion(row, state));
        }

        return [.. versions.OrderByDescending(v => v.Version)];
    }

    public async Task<Guid?> FindByNameAsync(Guid businessId, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(businessId), NameKey(name), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetGuid("TemplateId") : null;
    }

    public async Task<TemplateWriteOutcome> SetStateAsync(Guid businessId, Guid templateId, TemplateState state, CancellationToken cancellationToken)
    {
        var row = new TableEntity(TableKeys.Of(businessId), HeadKey(templateId)) { ["State"] = state.ToContractString() };
        try
        {
            await _table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
            return TemplateWriteOutcome.Written;
        }
        catch (RequestFailedException e) when (TableKeys.IsNotFound(e))
        {
            return TemplateWriteOutcome.NotFound;
        }
    }

    /// <summary>
    /// Reads the business's head rows (a business has templates by the hundred, not by the million: ADR 0021), each with
    /// its latest version, and filters, sorts and pages them in memory.
    /// </summary>
    public async Task<ResultPage<TemplateVersion>> SearchAsync(
        Guid businessId, string? text, TemplateState? state, TemplateSort sort, int page, int size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sort);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Of(businessId)} and Kind eq {HeadKind}");
        var found = new List<TemplateVersion>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var template = ToVersion(row, ParseState(row));
            if ((state is null ? template.State != TemplateState.Deleted : template.State == state) && Matches(template, text))
            {
                found.Add(template);
            }
        }

        Func<TemplateVersion, object> key = sort.Field switch
        {
            TemplateSort.Name => t => t.Name.ToUpperInvariant(),
            TemplateSort.DisplayName => t => t.DisplayName.ToUpperInvariant(),
            _ => t => t.CreatedAt,
        };
        var sorted = sort.Descending ? found.OrderByDescending(key).ThenBy(t => t.TemplateId) : found.OrderBy(key).ThenBy(t => t.TemplateId);
        return ResultPage.Of(sorted, found.Count, page, size);
    }

    public Task<TemplateStats> GetStatsAsync(Guid businessId, Guid templateId, Guid templateVersionId, CancellationToken cancellationToken) =>
        TemplateUsageCounters.ReadAsync(_workflows, businessId, templateId, templateVersionId, cancellationToken);

    private static bool Matches(TemplateVersion template, string? text) =>
        string.IsNullOrEmpty(text)
        || TableKeys.Of(template.TemplateId).Contains(text, StringComparison.OrdinalIgnoreCase)
        || template.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || template.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase);

    private async Task<TableEntity?> HeadAsync(Guid businessId, Guid templateId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(businessId), HeadKey(templateId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    private static TableEntity Head(TemplateVersion latest) => new(TableKeys.Of(latest.BusinessId), HeadKey(latest.TemplateId))
    {
        ["Kind"] = HeadKind,
        ["State"] = latest.State.ToContractString(),
        ["Version"] = latest.Version,
        ["Json"] = JsonSerializer.SerializeToUtf8Bytes(latest, TableKeys.Json),
    };

    private static TableEntity VersionRow(TemplateVersion version) => new(TableKeys.Of(version.BusinessId), VersionPrefix(version.TemplateId) + TableKeys.Serial(version.Version))
    {
        ["Kind"] = VersionKind,
        ["TemplateVersionId"] = version.TemplateVersionId,
        ["Json"] = JsonSerializer.SerializeToUtf8Bytes(version, TableKeys.Json),
    };

    private static TemplateVersion ToVersion(TableEntity row, TemplateState state) =>
        JsonSerializer.Deserialize<TemplateVersion>(row.GetBinary("Json"), TableKeys.Json)! with { State = state };

    private static TemplateState ParseState(TableEntity head) =>
        TemplateStateExtensions.Parse(head.GetString("State")) ?? throw new InvalidOperationException("A template row has an unknown state.");

    private static string HeadKey(Guid templateId) => "t-" + TableKeys.Of(templateId);

    private static string VersionPrefix(Guid templateId) => "v-" + TableKeys.Of(templateId) + "-";

    private static string NameKey(string name) => "n-" + Hashing.Sha256Hex(name.ToLowerInvariant());
}
