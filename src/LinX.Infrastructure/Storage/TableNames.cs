namespace LinX.Infrastructure.Storage;

/// <summary>The LinX tables, each name prefixed by <see cref="LinXStorageOptions.TablePrefix"/>.</summary>
public sealed class TableNames
{
    public TableNames(string prefix)
    {
        Workflows = prefix + "Workflows";
        LinkTokens = prefix + "LinkTokens";
        Customers = prefix + "Customers";
        FinancialAccounts = prefix + "FinancialAccounts";
        Transactions = prefix + "Transactions";
        Notifications = prefix + "Notifications";
        Businesses = prefix + "Businesses";
        ApiKeys = prefix + "ApiKeys";
        WebhookSubscriptions = prefix + "WebhookSubscriptions";
        WebhookDeliveries = prefix + "WebhookDeliveries";
        Consents = prefix + "Consents";
        BusinessLogos = prefix + "BusinessLogos";

        SmsOptOuts = prefix + "SmsOptOuts";
        BusinessDocuments = prefix + "BusinessDocuments";
        Templates = prefix + "Templates";
        Batches = prefix + "Batches";
        BatchEntries = prefix + "BatchEntries";
        WorkflowIndex = prefix + "WorkflowIndex";
    }

    public string Workflows { get; }

    public string LinkTokens { get; }

    public string Customers { get; }

    public string FinancialAccounts { get; }

    public string Transactions { get; }

    public string Notifications { get; }

    public string Businesses { get; }

    public string ApiKeys { get; }

    public string WebhookSubscriptions { get; }

    public string WebhookDeliveries { get; }

    public string Consents { get; }

    public string BusinessLogos { get; }

    public string SmsOptOuts { get; }

    public string BusinessDocuments { get; }

    public string Templates { get; }

    public string Batches { get; }

    public string BatchEntries { get; }

    /// <summary>The workflows' search index (ADR 0023).</summary>
    public string WorkflowIndex { get; }

    public IReadOnlyList<string> All =>
    [
        Workflows, LinkTokens, Customers, FinancialAccounts, Transactions, Notifications, Businesses, ApiKeys, WebhookSubscriptions,
        WebhookDeliveries, Consents, BusinessLogos, SmsOptOuts,
        BusinessDocuments,
        Templates,
        Batches,
        BatchEntries,
        WorkflowIndex,
    ];
}
