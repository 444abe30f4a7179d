using LinX.Api.Http;
using LinX.Core;
using LinX.Core.Templates;
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
        var status = QueryParameters.WireEnum<TemplateState>(query, "status", "template status", errors);
        var search = QueryParameters.Text(query, "search", QueryParameters.MaxSearchLength, errors);
        var page = QueryParameters.Int(query, "page", 1, 1, MaxPage, errors);
        var size = QueryParameters.Int(query, "size", QueryParameters.DefaultPageSize, 1, QueryParameters.MaxPageSize, errors);
        var (field, descending) = QueryParameters.Sort(query, TemplateSort.Fields, "templates", errors);
        return new TemplateQuery(search, status, new TemplateSort(field, descending), page, size, errors);
    }
}
