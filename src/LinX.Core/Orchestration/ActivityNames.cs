namespace LinX.Core.Orchestration;

/// <summary>The names activities are registered and called by.</summary>
public static class ActivityNames
{
    public const string SendNotification = nameof(SendNotification);
    public const string CreateCustomerAccount = nameof(CreateCustomerAccount);
    public const string LookupProfile = nameof(LookupProfile);
    public const string EnhanceProfile = nameof(EnhanceProfile);
    public const string CreateFinancialAccount = nameof(CreateFinancialAccount);
    public const string LookupFinancialAccount = nameof(LookupFinancialAccount);
    public const string AcceptDocuments = nameof(AcceptDocuments);
    public const string MoveMoney = nameof(MoveMoney);
    public const string SettleTransaction = nameof(SettleTransaction);
    public const string UpdateWorkflowStatus = nameof(UpdateWorkflowStatus);
    public const string RunBatchChunk = nameof(RunBatchChunk);
}
