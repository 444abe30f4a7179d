using LinX.Core.Gateway;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Gateway;

public sealed class GatewayHeadingTests
{
    private static readonly NotificationStep Sms = new(NotificationStep.SmsChannel, "+16471234567", null);

    public static TheoryData<WorkflowStep[], GatewayHeadingKind> Plans => new()
    {
        { [Sms, new CustomerAccountStep(), new FinancialAccountStep(FinancialAccountSubType.Debit), Move(TransactionType.Send)], GatewayHeadingKind.ReceiveMoney },
        { [Sms, new LookupProfileStep(Guid.NewGuid()), new LookupFinancialAccountStep(Guid.NewGuid()), Move(TransactionType.Request)], GatewayHeadingKind.Pay },
        { [Sms, new CustomerAccountStep(), new FinancialAccountStep(FinancialAccountSubType.Credit)], GatewayHeadingKind.AddCard },
        { [Sms, new LookupProfileStep(Guid.NewGuid()), new FinancialAccountStep(FinancialAccountSubType.Saving)], GatewayHeadingKind.AddBankAccount },
        { [Sms, new CustomerAccountStep()], GatewayHeadingKind.CreateProfile },
        { [Sms, new LookupProfileStep(Guid.NewGuid())], GatewayHeadingKind.ConfirmDetails },
        { [Sms, new LookupProfileStep(Guid.NewGuid()), new LookupFinancialAccountStep(Guid.NewGuid())], GatewayHeadingKind.ConfirmDetails },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void Of_Plan_MoneyMovementThenAccountThenProfileStep(WorkflowStep[] steps, GatewayHeadingKind expected) =>
        Assert.Equal(expected, GatewayHeading.Of(new WorkflowPlan("Internal name", TimeSpan.FromDays(1), false, null, steps)));

    private static MoveMoneyStep Move(TransactionType type) =>
        new(type, PaymentSolution.Ach, Guid.NewGuid(), "CAD", 10m, PaymentPriority.Standard, "Refund", null, "payment-of-rebates");
}
