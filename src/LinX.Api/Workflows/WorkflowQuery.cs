using LinX.Api.Http;
using LinX.Core;
using LinX.Core.Workflows;
using Microsoft.AspNetCore.Http;

namespace LinX.Api.Workflows;

/// <summary>The search query of <c>GET /api/linx/workflows</c>, parsed with every problem reported.</summary>
internal sealed record WorkflowQuery(WorkflowStatus? Status, string? Search, int Page, int Size, IReadOnlyList<FieldError> Errors)
{
    public const int MaxPage = 10_000;

    public static WorkflowQuery Parse(IQueryCollection query)
    {
        var errors = new List<FieldError>();
        WorkflowStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } text)
        {
            status = Enum.GetValues<WorkflowStatus>().Cast<WorkflowStatus?>().FirstOrDefault(s => s!.Value.ToContractString() == text);
            if (status is null)
            {
                errors.Add(new FieldError(
                    "query.status",
                    $"{GivenValue.Quote(text)} is not a workflow status: use one of {string.Join(", ", Enum.GetValues<WorkflowStatus>().Select(s => s.ToContractString()))}.",
                    WorkflowErrorCodes.InvalidValue));
            }
        }

        var search = QueryParameters.Text(query, "search", QueryParameters.MaxSearchLength, errors);
        var page = QueryParameters.Int(query, "page", 1, 1, MaxPage, errors);
        var size = QueryParameters.Int(query, "size", QueryParameters.DefaultPageSize, 1, QueryParameters.MaxPageSize, errors);
        return new WorkflowQuery(status, search, page, size, errors);
    }
}
