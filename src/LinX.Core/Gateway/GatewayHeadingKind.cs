using System.Text.Json.Serialization;
using LinX.Core.Workflows;

namespace LinX.Core.Gateway;

/// <summary>
/// What a workflow asks of the customer, for the page's default heading when the business gave no customer memo (the
/// workflow's title is the business's internal name and never reaches the customer). The money movement wins, then
/// the account step, then the profile step.
/// RECEIVE_MONEY: move-money SEND (the business pays the customer); PAY: move-money REQUEST; ADD_CARD and
/// ADD_BANK_ACCOUNT: financial-account by sub-type; CREATE_PROFILE: customer-account; CONFIRM_DETAILS: the lookups.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<GatewayHeadingKind>))]
public enum GatewayHeadingKind
{
    [JsonStringEnumMemberName("RECEIVE_MONEY")] ReceiveMoney,
    [JsonStringEnumMemberName("PAY")] Pay,
    [JsonStringEnumMemberName("ADD_CARD")] AddCard,
    [JsonStringEnumMemberName("ADD_BANK_ACCOUNT")] AddBankAccount,
    [JsonStringEnumMemberName("CREATE_PROFILE")] CreateProfile,
    [JsonStringEnumMemberName("CONFIRM_DETAILS")] ConfirmDetails,
}

/// <summary>Derives <see cref="GatewayHeadingKind"/> from a plan.</summary>
public static class GatewayHeading
{
    public static GatewayHeadingKind Of(WorkflowPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.MoveMoney is { } move)
        {
            return move.TransactionType == TransactionType.Send ? GatewayHeadingKind.ReceiveMoney : GatewayHeadingKind.Pay;
        }

        if (plan.Steps.OfType<FinancialAccountStep>().FirstOrDefault() is { } account)
        {
            return account.FinancialAccountSubType.IsCard() ? GatewayHeadingKind.AddCard : GatewayHeadingKind.AddBankAccount;
        }

        return plan.Steps.OfType<CustomerAccountStep>().Any() ? GatewayHeadingKind.CreateProfile : GatewayHeadingKind.ConfirmDetails;
    }
}
