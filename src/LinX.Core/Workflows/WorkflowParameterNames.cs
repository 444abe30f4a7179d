namespace LinX.Core.Workflows;

/// <summary>The names of the parameters of the workflow contract, as they appear in JSON.</summary>
public static class WorkflowParameterNames
{
    public const string Channel = "channel";
    public const string PhoneNumber = "phoneNumber";
    public const string IntroductoryMessage = "introductoryMessage";
    public const string CustomerId = "customerId";
    public const string FinancialAccountSubType = "financialAccountSubType";
    public const string CustomerFinancialAccountId = "customerFinancialAccountId";
    public const string TransactionType = "transactionType";
    public const string Solution = "solution";
    public const string BaFinancialAccountId = "baFinancialAccountId";
    public const string Currency = "currency";
    public const string Amount = "amount";
    public const string Priority = "priority";
    public const string Description = "description";
    public const string Memo = "memo";
    public const string PaymentReasonId = "paymentReasonId";
    public const string StartDateTime = "startDateTime";
}
