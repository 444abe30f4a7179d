using System.Globalization;
using LinX.Core.Businesses;
using LinX.Core.Workflows;
using Microsoft.OpenApi;
using P = LinX.Core.Workflows.WorkflowParameterNames;

namespace LinX.Api.OpenApi;

/// <summary>
/// The workflow contract (DESIGN.md §2) as JSON Schema on the schemas of <see cref="WorkflowRequest"/>, its
/// <see cref="WorkflowRequestParameters"/> and <see cref="WorkflowRequestStep"/>: lengths, ranges and allowed values come
/// from the catalogues and limits the validator itself uses (<see cref="StepCatalog"/>, <see cref="WorkflowLimits"/>,
/// the contract enums, <see cref="CurrencyCatalog"/>, <see cref="PaymentReasonCatalog"/>). The rules across fields are
/// in the operation's description (<see cref="WorkflowContractDescription"/>).
/// </summary>
internal static class WorkflowRequestSchema
{
    /// <summary>What each parameter is, and the rules it is under (the operation's description quotes the ones between fields).</summary>
    public static IReadOnlyDictionary<string, string> Purposes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [P.Channel] = $"{NotificationStep.SmsChannel}: LinX texts the customer the link. {NotificationStep.BusinessChannel}: the business hands the link over itself (the create answer then carries it, and LinX sends no SMS).",
        [P.PhoneNumber] = "The customer's mobile number in international form, e.g. +16471234567.",
        [P.IntroductoryMessage] = "The text of the SMS before the link; a default text when absent. No web addresses, phone numbers or invisible characters.",
        [P.CustomerId] = "The id of an existing customer of the business.",
        [P.FinancialAccountSubType] = "DEBIT or CREDIT: the customer adds a card; CHECKING or SAVING: a bank account.",
        [P.CustomerFinancialAccountId] = "The id of a financial account of that customer.",
        [P.TransactionType] = "SEND: from the business to the customer; REQUEST: from the customer to the business.",
        [P.Solution] = "The payment rail. push-to-card needs a DEBIT card and SEND; ach and wire need a bank account (CHECKING or SAVING).",
        [P.BaFinancialAccountId] = "The id of a financial account of the business (the other side of the transaction).",
        [P.Currency] = "ISO 4217 code, upper case.",
        [P.Amount] = $"More than 0 and at most {WorkflowLimits.MaxAmount.ToString("0.00", CultureInfo.InvariantCulture)}, at most {WorkflowLimits.AmountDecimals} decimals: a JSON number or a plain decimal string such as \"256.25\" (no exponent, spaces or '+').",
        [P.Priority] = "ach: SAME_DAY, NEXT_DAY or SCHEDULED; wire: IMMEDIATE, SAME_DAY or SCHEDULED; push-to-card: IMMEDIATE (the default). STANDARD is no longer offered (PRIORITY_NOT_ALLOWED).",
        [P.Description] = "What the transaction is for, shown to the customer.",
        [P.Memo] = "A memo that travels with a wire.",
        [P.PaymentReasonId] = "A payment reason of the catalog served at GET /api/linx/payment-reasons.",
        [P.StartDateTime] = $"When a SCHEDULED payment moves: an ISO 8601 date and time with its offset, e.g. 2026-12-24T09:00:00-05:00 (INVALID_DATE_TIME otherwise); required with SCHEDULED, refused with any other priority (PARAMETER_NOT_ALLOWED); after the request and at most {WorkflowLimits.MaxScheduleAheadDays} days ahead (VALUE_OUT_OF_RANGE). Accepted after it has passed, the payment runs at once.",
    };

    /// <summary>Adds the contract to the schema of <paramref name="type"/> when it is one of the request's types.</summary>
    public static void Apply(OpenApiSchema schema, Type type)
    {
        if (type == typeof(WorkflowRequest) || type == typeof(WorkflowRequestParameters) || type == typeof(WorkflowRequestStep)
            || type == typeof(WorkflowStepInputs) || type == typeof(WorkflowUserInputs) || type == typeof(WorkflowDocumentInput))
        {
            LeaveOutRatherThanNull(schema);
        }

        if (type == typeof(WorkflowRequest))
        {
            ApplyRequest(schema);
        }
        else if (type == typeof(WorkflowRequestParameters))
        {
            ApplyParameters(schema);
        }
        else if (type == typeof(WorkflowRequestStep))
        {
            Closed(schema, "One step of the workflow, by name; enhance-profile and document-acceptance also take inputs (required for them, an error on any other step).");
            schema.Required = new SortedSet<string>(StringComparer.Ordinal) { "name" };
            Property(schema, "name").Enum = EnumWireNames.AsEnum(StepCatalog.All.Select(s => s.Name));
        }
        else
        {
            WorkflowInputsSchema.Apply(schema, type);
        }
    }

    private static void ApplyRequest(OpenApiSchema schema)
    {
        Closed(schema, "A workflow request as the business posts it (the seed's JSON). The rules between fields are in the operation's description.");
        schema.Required = new SortedSet<string>(StringComparer.Ordinal) { "title", "parameters", "steps" };

        var title = Property(schema, "title");
        title.Description = "What the workflow is for, shown to the customer.";
        title.MinLength = 1;
        title.MaxLength = WorkflowLimits.MaxTitleLength;

        WholeNumberOrString(Property(schema, "expireIn"), WorkflowLimits.MinExpireInDays, WorkflowLimits.MaxExpireInDays,
            $"Days until the request expires. Not with expireInHours; with neither, {WorkflowLimits.DefaultExpiry.TotalDays:0} days.");
        WholeNumberOrString(Property(schema, "expireInHours"), WorkflowLimits.MinExpireInHours, WorkflowLimits.MaxExpireInHours,
            "Hours until the request expires. Not with expireIn.");

        var passcode = Property(schema, "passcode");
        passcode.Description = "true: the customer must enter a 6-digit passcode before opening the link; the create answer carries it, once.";
        passcode.Default = false;

        var memo = Property(schema, "customerMemo");
        memo.Description = "A memo shown to the customer. No web addresses, phone numbers or invisible characters; line breaks allowed.";
        memo.MaxLength = WorkflowLimits.MaxCustomerMemoLength;

        var locale = Property(schema, "locale");
        locale.Description = "The language of the SMS and the Gateway page; the business's default locale when absent (and the browser's language on the page when the business has none).";
        locale.Enum = EnumWireNames.AsEnum(BusinessProfile.Locales);

        var steps = Property(schema, "steps");
        steps.Description = "The steps, in contract order (see the operation's description).";
        steps.MinItems = 2;
        steps.MaxItems = StepCatalog.All.Select(s => s.OrderGroup).Distinct().Count();
        steps.UniqueItems = true;
    }

    private static void ApplyParameters(OpenApiSchema schema)
    {
        Closed(schema, "The flat parameters of every step: each one is used by the step named in its description, and one that no step of the request uses is an error.");
        foreach (var name in StepCatalog.ParameterNames)
        {
            var parameter = Property(schema, name);
            parameter.Description = $"{Purposes[name]} {UsedBy(name)}";
        }

        Property(schema, P.Channel).Enum = EnumWireNames.AsEnum([NotificationStep.SmsChannel, NotificationStep.BusinessChannel]);
        Property(schema, P.PhoneNumber).MaxLength = WorkflowLimits.MaxPhoneNumberLength;
        Property(schema, P.IntroductoryMessage).MaxLength = WorkflowLimits.MaxIntroductoryMessageLength;
        Property(schema, P.Description).MaxLength = WorkflowLimits.MaxDescriptionLength;
        Property(schema, P.Memo).MaxLength = WorkflowLimits.MaxMemoLength;
        foreach (var id in new[] { P.CustomerId, P.CustomerFinancialAccountId, P.BaFinancialAccountId })
        {
            Property(schema, id).Format = "uuid";
        }

        Property(schema, P.FinancialAccountSubType).Enum = EnumWireNames.AsEnum(EnumWireNames.Of<FinancialAccountSubType>());
        Property(schema, P.TransactionType).Enum = EnumWireNames.AsEnum(EnumWireNames.Of<TransactionType>());
        Property(schema, P.Solution).Enum = EnumWireNames.AsEnum(EnumWireNames.Of<PaymentSolution>());
        // STANDARD still reads in stored workflows and transactions, but no request may name it (ADR 0024).
        Property(schema, P.Priority).Enum = EnumWireNames.AsEnum(EnumWireNames.Of<PaymentPriority>().Where(p => p != PaymentPriority.Standard.WireName()));
        Property(schema, P.StartDateTime).Format = "date-time";
        Property(schema, P.Currency).Enum = EnumWireNames.AsEnum(CurrencyCatalog.Supported);
        Property(schema, P.PaymentReasonId).Enum = EnumWireNames.AsEnum(PaymentReasonCatalog.All.Select(r => r.Id));

        var amount = Property(schema, P.Amount);
        amount.Type = JsonSchemaType.Number | JsonSchemaType.String;
        amount.Format = null;
        amount.ExclusiveMinimum = "0";
        amount.Maximum = WorkflowLimits.MaxAmount.ToString(CultureInfo.InvariantCulture);
    }

    // The reader takes null for absent; the contract is simpler said as "leave it out": no field takes null.
    private static void LeaveOutRatherThanNull(OpenApiSchema schema)
    {
        foreach (var (name, property) in schema.Properties?.ToList() ?? [])
        {
            if (property is OpenApiSchema { OneOf: [{ Type: JsonSchemaType.Null }, var nonNull] })
            {
                schema.Properties![name] = nonNull;
            }
            else if (property is OpenApiSchema { Type: { } type } inline)
            {
                inline.Type = type & ~JsonSchemaType.Null;
            }
        }
    }

    // Which steps read the parameter, and whether they need it: "Used by move-money (required for ach and wire ...)".
    private static string UsedBy(string name)
    {
        var uses = StepCatalog.All
            .SelectMany(s => s.Parameters.Where(p => p.Name == name).Select(p => (Step: s.Name, Parameter: p)))
            .Select(u => u.Parameter.Requirement switch
            {
                ParameterRequirement.Required => $"{u.Step} (required)",
                ParameterRequirement.Optional => $"{u.Step} (optional)",
                _ => $"{u.Step} ({LowerFirst(u.Parameter.Condition?.TrimEnd('.') ?? "conditional")})",
            });
        return $"Step: {string.Join(", ", uses)}.";
    }

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private static void WholeNumberOrString(OpenApiSchema schema, int min, int max, string description)
    {
        schema.Type = JsonSchemaType.Integer | JsonSchemaType.String;
        schema.Format = null;
        schema.Minimum = min.ToString(CultureInfo.InvariantCulture);
        schema.Maximum = max.ToString(CultureInfo.InvariantCulture);
        schema.Description = $"{description} From {min} to {max}: a JSON number or a string of a whole number such as \"2\".";
    }

    private static void Closed(OpenApiSchema schema, string description)
    {
        schema.Description = description;
        schema.AdditionalPropertiesAllowed = false;
    }

    private static OpenApiSchema Property(OpenApiSchema schema, string name) =>
        schema.Properties?.TryGetValue(name, out var property) == true && property is OpenApiSchema inline
            ? inline
            : throw new InvalidOperationException($"The schema has no inline property '{name}': the contract type changed, update {nameof(WorkflowRequestSchema)}.");
}
