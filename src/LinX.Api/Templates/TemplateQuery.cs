using LinX.Api.Http;
using LinX.Core;
using LinX.Core.Templates;
using LinX.Core.Workflows;
using Microsoft.AspNetCore.Http;

namespace LinX.Api.Templates;

/// <summary>
/// The query of <c>GET /api/linx/templates</c> (RocketKOR's Search LinX Templates): <c>search</c>, <c>status</c>, 1-based
/// <c>page</c>, <c>size</c>, and <c>sort=field,ASC|DESC</c> (default <c>createdAt,DESC</c>), with every problem reported.
/// </summary>
internal sealed record TemplateQuery(string? Search, TemplateState? Status, TemplateSort Sort, int Page, int Size, IReadOnlyList<FieldError> Errors)
{
    public const int MaxPage = 10_000;

    public static TemplateQuery Parse(IQueryCollection query)
    {
        var errors = new List<FieldError>();
        TemplateState? status = null;
        if (query["status"].ToString() is { Length: > 0 } text && (status = TemplateStateExtensions.Parse(text)) is null)
        {
            errors.Add(new FieldError(
                "query.status",
                $"{GivenValue.Quote(text)} is not a template status: use one of {string.Join(", ", Enum.GetValues<TemplateState>().Select(s => s.ToContractString()))}.",
                WorkflowErrorCodes.InvalidValue));
        }

        var search = QueryParameters.Text(query, "search", QueryParameters.MaxSearchLength, errors);
        var page = QueryParameters.Int(query, "page", 1, 1, MaxPage, errors);
        var size = QueryParameters.Int(query, "size", QueryParameters.DefaultPageSize, 1, QueryParameters.MaxPageSize, errors);
        return new TemplateQuery(search, status, ParseSort(query["sort"].ToString(), errors), page, size, errors);
    }

    private static TemplateSort ParseSort(string text, List<FieldError> errors)
    {
        if (text.Length == 0)
        {
            return TemplateSort.Default;
        }

        var parts = text.Split(',');
        var direction = parts.Length > 1 ? parts[1] : "ASC";
        if (parts.Length <= 2 && TemplateSort.Fields.Contains(parts[0]) && direction is "ASC" or "DESC")
        {
            return new TemplateSort(parts[0], direction == "DESC");
        }

        errors.Add(new FieldError(
            "query.sort", $"{GivenValue.Quote(text)} is not a sort: use field,ASC or field,DESC with a field of {string.Join(", ", TemplateSort.Fields)}.",
            WorkflowErrorCodes.InvalidValue));
        return TemplateSort.Default;
    }
}
