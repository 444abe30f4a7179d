using LinX.Api.Http;
using LinX.Core;
using LinX.Core.Management;
using LinX.Core.Workflows;
using Microsoft.AspNetCore.Http;

namespace LinX.Api.Workflows;

/// <summary>
/// The query of <c>GET /api/linx/workflows</c> in RocketKOR's names (<c>search</c>, <c>status</c>, <c>templateId</c>,
/// <c>sort</c>, 1-based <c>page</c> and <c>size</c>), parsed with every problem reported.
/// </summary>
internal sealed record WorkflowQuery(WorkflowSearchRequest Request, IReadOnlyList<FieldError> Errors)
{
    /// <summary>The one field workflows sort by (RocketKOR's default <c>createdAt,DESC</c>); another needs an index of its own (ADR 0023).</summary>
    public const string SortField = "createdAt";

    /// <summary>The last page a search can reach at the smallest page size: pages end at the result window.</summary>
    public const int MaxPage = WorkflowSearch.MaxResultWindow;

    private static readonly string[] SortFields = [SortField];

    public static WorkflowQuery Parse(IQueryCollection query)
    {
        var errors = new List<FieldError>();
        var status = QueryParameters.WireEnum<WorkflowStatus>(query, "status", "workflow status", errors);
        Guid? templateId = null;
        if (query["templateId"].ToString() is { Length: > 0 } template)
        {
            if (Guid.TryParseExact(template, "D", out var id))
            {
                templateId = id;
            }
            else
            {
                errors.Add(new FieldError("query.templateId", $"{GivenValue.Quote(template)} is not a template id (a UUID).", WorkflowErrorCodes.InvalidUuid));
            }
        }

        var ascending = !QueryParameters.Sort(query, SortFields, "workflows", errors).Descending;
        var search = QueryParameters.Text(query, "search", QueryParameters.MaxSearchLength, errors);
        var page = QueryParameters.Int(query, "page", 1, 1, MaxPage, errors);
        var size = QueryParameters.Int(query, "size", QueryParameters.DefaultPageSize, 1, QueryParameters.MaxPageSize, errors);
        if ((long)page * size > WorkflowSearch.MaxResultWindow)
        {
            errors.Add(new FieldError(
                "query.page",
                $"Page {page} of {size} goes past the first {WorkflowSearch.MaxResultWindow:N0} matches, as far as a search reads: narrow it (status, templateId, search) instead.",
                ServiceErrorCodes.ResultWindowExceeded));
        }

        return new WorkflowQuery(new WorkflowSearchRequest(search, status, templateId, ascending, page, size), errors);
    }
}
