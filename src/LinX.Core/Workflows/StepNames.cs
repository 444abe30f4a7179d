namespace LinX.Core.Workflows;

/// <summary>The step names of the workflow contract, as the business writes them.</summary>
public static class StepNames
{
    public const string Notification = "notification";
    public const string CustomerAccount = "customer-account";
    public const string LookupProfile = "lookup-profile";
    public const string EnhanceProfile = "enhance-profile";
    public const string FinancialAccount = "financial-account";
    public const string LookupFinancialAccount = "lookup-financial-account";
    public const string DocumentAcceptance = "document-acceptance";
    public const string MoveMoney = "move-money";
}
