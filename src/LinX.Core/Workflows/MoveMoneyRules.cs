using System.Globalization;
using P = LinX.Core.Workflows.WorkflowParameterNames;

namespace LinX.Core.Workflows;

/// <summary>
/// The move-money step's parameters and the rules between them: priorities per solution, description
/// and memo for wire, currency and amount, and the financial account the solution needs.
/// </summary>
internal static class MoveMoneyRules
{
    private static readonly Dictionary<PaymentSolution, PaymentPriority[]> PrioritiesBySolution = new()
    {
        [PaymentSolution.PushToCard] = [PaymentPriority.Immediate],
        [PaymentSolution.Ach] = [PaymentPriority.SameDay, PaymentPriority.NextDay, PaymentPriority.Scheduled],
        [PaymentSolution.Wire] = [PaymentPriority.Immediate, PaymentPriority.SameDay, PaymentPriority.Scheduled],
    };

    /// <param name="p">The request's parameters.</param>
    /// <param name="subType">The financial-account step's sub type, when the request has that step.</param>
    /// <param name="now">When the request is made: a SCHEDULED payment's <c>startDateTime</c> must come after it.</param>
    /// <param name="errors">Where every problem goes.</param>
    public static MoveMoneyStep? Check(WorkflowRequestParameters p, FinancialAccountSubType? subType, DateTimeOffset now, ValidationErrors errors)
    {
        var before = errors.Count;
        var type = ValueRules.OneOf(p.TransactionType, WireValues.TransactionTypes, JsonPath.Parameter(P.TransactionType), errors);
        var solution = ValueRules.OneOf(p.Solution, WireValues.Solutions, JsonPath.Parameter(P.Solution), errors);
        var account = ValueRules.Uuid(p.BaFinancialAccountId, JsonPath.Parameter(P.BaFinancialAccountId), errors);
        CheckCurrency(p.Currency, errors);
        CheckAmount(p.Amount, errors);
        var retired = p.Priority == WireValues.RetiredStandardPriority;
        var priority = retired ? null : ValueRules.OneOf(p.Priority, WireValues.Priorities, JsonPath.Parameter(P.Priority), errors);
        ValueRules.Text(p.Description, JsonPath.Parameter(P.Description), WorkflowLimits.MaxDescriptionLength, errors);
        ValueRules.Text(p.Memo, JsonPath.Parameter(P.Memo), WorkflowLimits.MaxMemoLength, errors);
        if (p.PaymentReasonId is not null && PaymentReasonCatalog.Find(p.PaymentReasonId) is null)
        {
            errors.Add(JsonPath.Parameter(P.PaymentReasonId), WorkflowErrorCodes.UnknownPaymentReason,
                "Unknown payment reason; see GET /api/linx/payment-reasons.");
        }

        if (retired)
        {
            errors.Add(JsonPath.Parameter(P.Priority), WorkflowErrorCodes.PriorityNotAllowed, RetiredMessage(solution));
        }

        // The priority asked for, before the solution's check: what startDateTime is judged against (push-to-card's default included).
        var asked = priority ?? (p.Priority is null && solution == PaymentSolution.PushToCard ? PaymentPriority.Immediate : null);
        var start = ScheduleRules.Check(p.StartDateTime, asked, now, errors);
        if (solution is { } s)
        {
            if (!retired)
            {
                priority = CheckPriority(s, priority, p.Priority is not null, errors);
            }

            CheckWireFields(s, p, errors);
            CheckAccountFits(s, type, subType, errors);
        }

        return errors.Count == before
            && type is { } t && solution is { } sol && account is { } a && priority is { } pr
            && p.Currency is { } currency && p.Amount is { } amount && p.PaymentReasonId is { } reason
            ? new MoveMoneyStep(t, sol, a, currency, decimal.Round(amount, WorkflowLimits.AmountDecimals), pr, p.Description, p.Memo, reason, start)
            : null;
    }

    /// <summary>STANDARD was LinX's own; RocketKOR's priorities replace it (ADR 0024): say which the solution offers instead.</summary>
    private static string RetiredMessage(PaymentSolution? solution) => solution is { } s
        ? $"STANDARD is no longer offered: {WireValues.Solutions.Format(s)} allows {AllowedText(s)}."
        : $"STANDARD is no longer offered: use {WireValues.Priorities.Allowed} (ach: {AllowedText(PaymentSolution.Ach)}; wire: {AllowedText(PaymentSolution.Wire)}; push-to-card: {AllowedText(PaymentSolution.PushToCard)}).";

    private static string AllowedText(PaymentSolution solution) => string.Join(", ", PrioritiesBySolution[solution].Select(WireValues.Priorities.Format));

    private static void CheckCurrency(string? currency, ValidationErrors errors)
    {
        if (currency is null || CurrencyCatalog.IsSupported(currency))
        {
            return;
        }

        var path = JsonPath.Parameter(P.Currency);
        var supported = string.Join(", ", CurrencyCatalog.Supported);
        if (CurrencyCatalog.IsWellFormed(currency))
        {
            errors.Add(path, WorkflowErrorCodes.UnsupportedCurrency, $"This currency is not supported; use {supported}.");
        }
        else
        {
            errors.Add(path, WorkflowErrorCodes.InvalidCurrency, $"Must be an ISO 4217 code in upper case: {supported}.");
        }
    }

    private static void CheckAmount(decimal? amount, ValidationErrors errors)
    {
        if (amount is not { } value)
        {
            return;
        }

        var path = JsonPath.Parameter(P.Amount);
        if (value <= 0 || value > WorkflowLimits.MaxAmount)
        {
            errors.Add(path, WorkflowErrorCodes.ValueOutOfRange, $"{value.ToString(CultureInfo.InvariantCulture)} is out of range: must be more than 0 and at most {WorkflowLimits.MaxAmount.ToString("0.00", CultureInfo.InvariantCulture)}.");
        }

        // Value-based: 256.250 is 256.25; 256.255 is not a payable amount.
        if (decimal.Round(value, WorkflowLimits.AmountDecimals) != value)
        {
            errors.Add(path, WorkflowErrorCodes.TooManyDecimals, $"At most {WorkflowLimits.AmountDecimals} decimals.");
        }
    }

    private static PaymentPriority? CheckPriority(PaymentSolution solution, PaymentPriority? priority, bool given, ValidationErrors errors)
    {
        var allowed = PrioritiesBySolution[solution];
        var path = JsonPath.Parameter(P.Priority);
        var allowedText = AllowedText(solution);
        if (!given)
        {
            if (solution == PaymentSolution.PushToCard)
            {
                return PaymentPriority.Immediate;
            }

            errors.Add(path, WorkflowErrorCodes.ParameterRequired, $"Required for {WireValues.Solutions.Format(solution)}: {allowedText}.");
            return null;
        }

        if (priority is { } value && !allowed.Contains(value))
        {
            errors.Add(path, WorkflowErrorCodes.PriorityNotAllowed, $"{WireValues.Solutions.Format(solution)} allows: {allowedText}.");
            return null;
        }

        return priority;
    }

    private static void CheckWireFields(PaymentSolution solution, WorkflowRequestParameters p, ValidationErrors errors)
    {
        var description = JsonPath.Parameter(P.Description);
        if (solution == PaymentSolution.Wire && p.Description is null && !errors.IsRejected(description))
        {
            errors.Add(description, WorkflowErrorCodes.ParameterRequired, "Required for wire.");
        }

        var memo = JsonPath.Parameter(P.Memo);
        if (solution != PaymentSolution.Wire && (p.Memo is not null || errors.IsRejected(memo)))
        {
            errors.Add(memo, WorkflowErrorCodes.ParameterNotAllowed, "memo is for wire only.");
        }
    }

    private static void CheckAccountFits(PaymentSolution solution, TransactionType? type, FinancialAccountSubType? subType, ValidationErrors errors)
    {
        if (solution == PaymentSolution.PushToCard && type == TransactionType.Request)
        {
            errors.Add(JsonPath.Parameter(P.TransactionType), WorkflowErrorCodes.TransactionTypeNotAllowed,
                "push-to-card only sends money to the customer (SEND).");
        }

        // With lookup-financial-account the sub-type is only known from storage: the caller checks it (422).
        if (subType is not { } kind)
        {
            return;
        }

        var isCard = kind.IsCard();
        if (solution == PaymentSolution.PushToCard && kind != FinancialAccountSubType.Debit)
        {
            errors.Add(JsonPath.Parameter(P.FinancialAccountSubType), WorkflowErrorCodes.DebitCardRequired, "push-to-card needs a DEBIT card.");
        }
        else if (solution != PaymentSolution.PushToCard && isCard)
        {
            errors.Add(JsonPath.Parameter(P.FinancialAccountSubType), WorkflowErrorCodes.BankAccountRequired,
                $"{WireValues.Solutions.Format(solution)} needs a bank account (CHECKING or SAVING).");
        }
    }
}
