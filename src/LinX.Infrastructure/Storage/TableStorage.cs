using Azure.Data.Tables;

namespace LinX.Infrastructure.Storage;

/// <summary>The table clients of LinX.</summary>
public sealed class TableStorage
{
    public TableStorage(TableServiceClient service, TableNames names)
    {
        Names = names;
        Service = service;
        Workflows = service.GetTableClient(names.Workflows);
        LinkTokens = service.GetTableClient(names.LinkTokens);
        Customers = service.GetTableClient(names.Customers);
        FinancialAccounts = service.GetTableClient(names.FinancialAccounts);
        Transactions = service.GetTableClient(names.Transactions);
        Notifications = service.GetTableClient(names.Notifications);
        Businesses = service.GetTableClient(names.Businesses);
        ApiKeys = service.GetTableClient(names.ApiKeys);
        WebhookSubscriptions = service.GetTableClient(names.WebhookSubscriptions);
        WebhookDeliveries = service.GetTableClient(names.WebhookDeliveries);
        Consents = service.GetTableClient(names.Consents);
        BusinessLogos = service.GetTableClient(names.BusinessLogos);

        SmsOptOuts = service.GetTableClient(names.SmsOptOuts);
        BusinessDocuments = service.GetTableClient(names.BusinessDocuments);
        Templates = service.GetTableClient(names.Templates);
        Batches = service.GetTableClient(names.Batches);
        BatchEntries = service.GetTableClient(names.BatchEntries);
        WorkflowIndex = service.GetTableClient(names.WorkflowIndex);
    }

    public TableNames Names { get; }

    public TableServiceClient Service { get; }

    public TableClient Workflows { get; }

    public TableClient LinkTokens { get; }

    public TableClient Customers { get; }

    public TableClient FinancialAccounts { get; }

    public TableClient Transactions { get; }

    public TableClient Notifications { get; }

    public TableClient Businesses { get; }

    public TableClient ApiKeys { get; }

    public TableClient WebhookSubscriptions { get; }

    public TableClient WebhookDeliveries { get; }

    public TableClient Consents { get; }

    public TableClient BusinessLogos { get; }

    public TableClient SmsOptOuts { get; }

    public TableClient BusinessDocuments { get; }

    public TableClient Templates { get; }

    public TableClient Batches { get; }

    public TableClient BatchEntries { get; }

    public TableClient WorkflowIndex { get; }

    /// <summary>Creates every table if it does not exist (idempotent).</summary>
    public async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        foreach (var name in Names.All)
        {
            await Service.CreateTableIfNotExistsAsync(name, cancellationToken);
        }
    }
}
