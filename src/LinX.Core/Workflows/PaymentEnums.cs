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

/// <summary>Speed of the payment; which values a solution allows is a rule of the contract.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentPriority>))]
public enum PaymentPriority
{
    [JsonStringEnumMemberName("IMMEDIATE")] Immediate,
    [JsonStringEnumMemberName("SAME_DAY")] SameDay,
    [JsonStringEnumMemberName("NEXT_DAY")] NextDay,
    [JsonStringEnumMemberName("STANDARD")] Standard,
}
