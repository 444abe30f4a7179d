using System.Text.Json.Serialization;

namespace LinX.Core.Workflows;

/// <summary>Kind of financial account: a card (DEBIT, CREDIT) or a bank account (CHECKING, SAVING).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FinancialAccountSubType>))]
public enum FinancialAccountSubType
{
    [JsonStringEnumMemberName("DEBIT")] Debit,
    [JsonStringEnumMemberName("CREDIT")] Credit,
    [JsonStringEnumMemberName("CHECKING")] Checking,
    [JsonStringEnumMemberName("SAVING")] Saving,
}

/// <summary>What a financial account's sub type says of it.</summary>
public static class FinancialAccountSubTypes
{
    /// <summary>DEBIT and CREDIT are cards; CHECKING and SAVING bank accounts.</summary>
    public static bool IsCard(this FinancialAccountSubType subType) => subType is FinancialAccountSubType.Debit or FinancialAccountSubType.Credit;
}

/// <summary>Direction of the money: SEND is business to customer, REQUEST is customer to business.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TransactionType>))]
public enum TransactionType
{
    [JsonStringEnumMemberName("SEND")] Send,
    [JsonStringEnumMemberName("REQUEST")] Request,
}

/// <summary>Payment rail.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentSolution>))]
public enum PaymentSolution
{
    [JsonStringEnumMemberName("push-to-card")] PushToCard,
    [JsonStringEnumMemberName("ach")] Ach,
    [JsonStringEnumMemberName("wire")] Wire,
}

/// <summary>
/// Speed of the payment (RocketKOR's settlement priorities); which values a solution allows is a rule of the contract.
/// SCHEDULED moves the money at the move-money step's <c>startDateTime</c>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentPriority>))]
public enum PaymentPriority
{
    [JsonStringEnumMemberName("IMMEDIATE")] Immediate,
    [JsonStringEnumMemberName("SAME_DAY")] SameDay,
    [JsonStringEnumMemberName("NEXT_DAY")] NextDay,

    /// <summary>Retired (ADR 0024): refused for new requests, kept so that workflows and transactions stored with it still read.</summary>
    [JsonStringEnumMemberName("STANDARD")] Standard,
    [JsonStringEnumMemberName("SCHEDULED")] Scheduled,
}

/// <summary>What a payment priority says of itself.</summary>
public static class PaymentPriorities
{
    /// <summary>The contract name (<c>SAME_DAY</c>), the retired STANDARD included.</summary>
    public static string WireName(this PaymentPriority priority) => priority switch
    {
        PaymentPriority.Immediate => "IMMEDIATE",
        PaymentPriority.SameDay => "SAME_DAY",
        PaymentPriority.NextDay => "NEXT_DAY",
        PaymentPriority.Standard => "STANDARD",
        PaymentPriority.Scheduled => "SCHEDULED",
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Not a payment priority."),
    };
}
