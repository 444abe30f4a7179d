using System.Globalization;
using System.Text;
using LinX.Core;
using LinX.Core.Businesses;
using LinX.Core.Workflows;
using P = LinX.Core.Workflows.WorkflowParameterNames;
using S = LinX.Core.Workflows.StepNames;

namespace LinX.Api.OpenApi;

/// <summary>
/// The description of <c>POST /api/linx/workflows</c>: the rules between the request's fields (DESIGN.md §2), with the
/// steps, their order groups and their parameters read from <see cref="StepCatalog"/>.
/// </summary>
internal static class WorkflowContractDescription
{
    public static string Text { get; } = Build();

    private static string Build()
    {
        var text = new StringBuilder();
        text.AppendLine("Validates the request completely (a 400 lists every problem found, each with a JSON path and an errorCode), checks that the customers and accounts it names belong to the business (422), stores it and starts it. Nothing is stored and no SMS is sent for a rejected request.");
        text.AppendLine();
        text.AppendLine("Steps, in this order, each at most once:");
        foreach (var group in StepCatalog.All.GroupBy(s => s.OrderGroup).OrderBy(g => g.Key))
        {
            text.Append(group.Key).Append(". ").Append(GroupRule(group.Key, [.. group.Select(s => s.Name)])).AppendLine();
        }

        text.AppendLine();
        text.AppendLine("Parameters (flat, in `parameters`), by step; * required:");
        foreach (var step in StepCatalog.All)
        {
            var parameters = step.HasUserInputs
                ? "none; its own inputs.user (below)"
                : step.Parameters.Count == 0
                ? "none"
                : string.Join(", ", step.Parameters.Select(p => p.Requirement == ParameterRequirement.Required ? p.Name + "*" : p.Name));
            text.Append("- ").Append(step.Name).Append(": ").AppendLine(parameters);
        }

        text.AppendLine();
        text.AppendLine("Between fields:");
        foreach (var name in new[] { P.Channel, P.Solution, P.Priority, P.StartDateTime })
        {
            text.Append("- ").Append(name).Append(": ").AppendLine(WorkflowRequestSchema.Purposes[name]);
        }

        text.AppendLine("- description is required for wire; memo is allowed for wire only.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- {S.EnhanceProfile}: steps[i].inputs.user asks for at least one of personalInfo (salutation, dateOfBirth), address (SHIPPING, MAILING, PHYSICAL) and phoneNumber (HOME, WORK); each value once ({WorkflowErrorCodes.NothingAsked}, {WorkflowErrorCodes.DuplicateInput}).");
        text.AppendLine(CultureInfo.InvariantCulture, $"- {S.DocumentAcceptance}: steps[i].inputs.user.documents lists 1 to {WorkflowLimits.MaxDocuments} documents of the business ({{ documentGroup, documentId }}, see /api/linx/documents); one it does not have is 422 {ServiceErrorCodes.DocumentNotFound}. The workflow pins each document's current version: the customer reads and accepts that version, and its SHA-256 is in their evidence.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- inputs on any other step is {WorkflowErrorCodes.InputsNotAllowed}.");
        text.AppendLine("- A parameter that no step of the request uses is an error (UNUSED_PARAMETER): it would otherwise be ignored.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Expiry: expireIn (days, {WorkflowLimits.MinExpireInDays}-{WorkflowLimits.MaxExpireInDays}) or expireInHours ({WorkflowLimits.MinExpireInHours}-{WorkflowLimits.MaxExpireInHours}), not both; with neither, {WorkflowLimits.DefaultExpiry.TotalDays:0} days.");
        text.AppendLine("- passcode true: the customer enters a 6-digit passcode before the link opens; the answer carries it once (not on a replay).");
        text.AppendLine(CultureInfo.InvariantCulture, $"- customerMemo: up to {WorkflowLimits.MaxCustomerMemoLength} characters shown to the customer.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- locale: {string.Join(" or ", BusinessProfile.Locales)}, the language of the SMS and the page; without it, the business's default locale ({ServiceErrorCodes.UnsupportedLocale} otherwise).");
        text.AppendLine();
        text.Append("Idempotency-Key: the same key with the same JSON (however spaced or ordered) answers the same workflow again, without the passcode; the same key with another body is 409 IDEMPOTENCY_KEY_REUSED.");
        return text.ToString();
    }

    private static string GroupRule(int group, string[] names) => group switch
    {
        StepCatalog.NotificationGroup => $"{S.Notification}: required, first.",
        StepCatalog.CustomerGroup => $"Exactly one of {string.Join(" (a new customer) or ", names)} (an existing customer).",
        StepCatalog.EnhanceProfileGroup => $"{S.EnhanceProfile}: optional; new or existing customer.",
        StepCatalog.DocumentAcceptanceGroup => $"{S.DocumentAcceptance}: optional; new or existing customer.",
        StepCatalog.FinancialAccountGroup =>
            $"At most one of {string.Join(" or ", names)}; one of them is required with {S.MoveMoney}. {S.LookupFinancialAccount} only with {S.LookupProfile}.",
        StepCatalog.MoveMoneyGroup => $"{S.MoveMoney}: optional, last.",
        _ => string.Join(", ", names),
    };
}
