namespace LinX.Core.Workflows;

/// <summary>The payment reasons a move-money step may name (static: they are part of the contract).</summary>
public static class PaymentReasonCatalog
{
    /// <summary>Every reason, in display order.</summary>
    public static IReadOnlyList<PaymentReason> All { get; } =
    [
        new("payment-of-rebates", "Payment of rebates"),
        new("refund", "Refund"),
        new("insurance-claim", "Insurance claim"),
        new("payroll", "Payroll"),
        new("vendor-payment", "Vendor payment"),
        new("loan-disbursement", "Loan disbursement"),
        new("other", "Other"),
    ];

    /// <summary>The reason with this id (case-sensitive), or null.</summary>
    public static PaymentReason? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
