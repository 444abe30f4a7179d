using System.Text.Json.Serialization;

namespace LinX.Core.Workflows;

/// <summary>
/// The flat <c>parameters</c> object of a workflow request. Values are kept as the business wrote
/// them (strings); the validator checks them against the steps and turns them into typed steps.
/// </summary>
public sealed record WorkflowRequestParameters
{
    /// <summary>notification: <c>SMS</c>.</summary>
    public string? Channel { get; init; }

    /// <summary>notification: the customer's phone number, international form.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>notification: optional text of the SMS (a default is used when absent).</summary>
    public string? IntroductoryMessage { get; init; }

    /// <summary>lookup-profile: UUID of an existing customer of the business.</summary>
    public string? CustomerId { get; init; }

    /// <summary>financial-account: DEBIT, CREDIT, CHECKING or SAVING.</summary>
    public string? FinancialAccountSubType { get; init; }

    /// <summary>lookup-financial-account: UUID of a financial account of that customer.</summary>
    public string? CustomerFinancialAccountId { get; init; }

    /// <summary>move-money: SEND or REQUEST.</summary>
    public string? TransactionType { get; init; }

    /// <summary>move-money: push-to-card, ach or wire.</summary>
    public string? Solution { get; init; }

    /// <summary>move-money: UUID of a financial account of the business.</summary>
    public string? BaFinancialAccountId { get; init; }

    /// <summary>move-money: ISO 4217 code.</summary>
    public string? Currency { get; init; }

    /// <summary>move-money: a number or a plain numeric string, more than 0, at most 2 decimals.</summary>
    [JsonConverter(typeof(NumberOrStringDecimalConverter))]
    public decimal? Amount { get; init; }

    /// <summary>move-money: IMMEDIATE, SAME_DAY, NEXT_DAY or SCHEDULED, depending on the solution.</summary>
    public string? Priority { get; init; }

    /// <summary>move-money: required for wire, up to 140 characters.</summary>
    public string? Description { get; init; }

    /// <summary>move-money: wire only, up to 140 characters.</summary>
    public string? Memo { get; init; }

    /// <summary>move-money: an id of <see cref="PaymentReasonCatalog"/>.</summary>
    public string? PaymentReasonId { get; init; }

    /// <summary>
    /// move-money: when a SCHEDULED payment moves, ISO 8601 with an offset (<c>2026-12-24T09:00:00-05:00</c>); only with SCHEDULED,
    /// in the future and at most 365 days ahead.
    /// </summary>
    public string? StartDateTime { get; init; }

    /// <summary>The value of the parameter named <paramref name="name"/> (JSON name), or null when absent.</summary>
    internal object? Get(string name) => name switch
    {
        WorkflowParameterNames.Channel => Channel,
        WorkflowParameterNames.PhoneNumber => PhoneNumber,
        WorkflowParameterNames.IntroductoryMessage => IntroductoryMessage,
        WorkflowParameterNames.CustomerId => CustomerId,
        WorkflowParameterNames.FinancialAccountSubType => FinancialAccountSubType,
        WorkflowParameterNames.CustomerFinancialAccountId => CustomerFinancialAccountId,
        WorkflowParameterNames.TransactionType => TransactionType,
        WorkflowParameterNames.Solution => Solution,
        WorkflowParameterNames.BaFinancialAccountId => BaFinancialAccountId,
        WorkflowParameterNames.Currency => Currency,
        WorkflowParameterNames.Amount => Amount,
        WorkflowParameterNames.Priority => Priority,
        WorkflowParameterNames.Description => Description,
        WorkflowParameterNames.Memo => Memo,
        WorkflowParameterNames.PaymentReasonId => PaymentReasonId,
        WorkflowParameterNames.StartDateTime => StartDateTime,
        _ => null,
    };

    internal static WorkflowRequestParameters From(IReadOnlyDictionary<string, string?> strings, decimal? amount) => new()
    {
        Channel = strings.GetValueOrDefault(WorkflowParameterNames.Channel),
        PhoneNumber = strings.GetValueOrDefault(WorkflowParameterNames.PhoneNumber),
        IntroductoryMessage = strings.GetValueOrDefault(WorkflowParameterNames.IntroductoryMessage),
        CustomerId = strings.GetValueOrDefault(WorkflowParameterNames.CustomerId),
        FinancialAccountSubType = strings.GetValueOrDefault(WorkflowParameterNames.FinancialAccountSubType),
        CustomerFinancialAccountId = strings.GetValueOrDefault(WorkflowParameterNames.CustomerFinancialAccountId),
        TransactionType = strings.GetValueOrDefault(WorkflowParameterNames.TransactionType),
        Solution = strings.GetValueOrDefault(WorkflowParameterNames.Solution),
        BaFinancialAccountId = strings.GetValueOrDefault(WorkflowParameterNames.BaFinancialAccountId),
        Currency = strings.GetValueOrDefault(WorkflowParameterNames.Currency),
        Amount = amount,
        Priority = strings.GetValueOrDefault(WorkflowParameterNames.Priority),
        Description = strings.GetValueOrDefault(WorkflowParameterNames.Description),
        Memo = strings.GetValueOrDefault(WorkflowParameterNames.Memo),
        PaymentReasonId = strings.GetValueOrDefault(WorkflowParameterNames.PaymentReasonId),
        StartDateTime = strings.GetValueOrDefault(WorkflowParameterNames.StartDateTime),
    };
}
