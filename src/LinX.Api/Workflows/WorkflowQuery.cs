using System.Globalization;
using LinX.Core;
using LinX.Core.Workflows;
using Microsoft.AspNetCore.Http;

namespace LinX.Api.Workflows;

/// <summary>The search query of <c>GET /api/linx/workflows</c>, parsed with every problem reported.</summary>
internal sealed record WorkflowQuery(WorkflowStatus? Status, string? Search, int Page, int Size, IReadOnlyList<FieldError> Errors)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;
    public const int MaxSearchLength = 100;

    public static WorkflowQuery Parse(IQueryCollection query)
    {
        var errors = new List<FieldError>();
        WorkflowStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } text)
        {
            status = Enum.GetValues<WorkflowStatus>().Cast<WorkflowStatus?>().FirstOrDefault(s => s!.Value.ToContractString() == text);
            if (status is null)
            {
                errors.Add(new FieldError("query.status", "status must be one of CREATED, ACTIVE, COMPLETED, DECLINED, EXPIRED, CANCELLED, FAILED.", "INVALID_STATUS"));
            }
        }

        var search = query["search"].ToString();
        if (search.Length > MaxSearchLength || search.Any(char.IsControl))
        {
            errors.Add(new FieldError("query.search", $"search must be at most {MaxSearchLength} printable characters.", "INVALID_SEARCH"));
        }

        var page = ParseInt(query, "page", 1, 1, 10_000, errors);
        var size = ParseInt(query, "size", DefaultSize, 1, MaxSize, errors);
        return new WorkflowQuery(status, search.Length > 0 ? search : null, page, size, errors);
    }

    private static int ParseInt(IQueryCollection query, string name, int fallback, int min, int max, List<FieldError> errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(new FieldError($"query.{name}", $"{name} must be a whole number from {min} to {max}.", "INVALID_" + name.ToUpperInvariant()));
        return fallback;
    }
}
