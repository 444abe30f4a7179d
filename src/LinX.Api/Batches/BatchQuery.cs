using LinX.Api.Http;
using LinX.Core;
using Microsoft.AspNetCore.Http;

namespace LinX.Api.Batches;

/// <summary>The query of the batch listings (<c>status</c>, <c>page</c> from 1, <c>size</c>), parsed with every problem reported.</summary>
internal sealed record BatchQuery<TStatus>(TStatus? Status, int Page, int Size, IReadOnlyList<FieldError> Errors)
    where TStatus : struct, Enum
{
    public const int MaxPage = 10_000;

    public static BatchQuery<TStatus> Parse(IQueryCollection query)
    {
        var errors = new List<FieldError>();
        var status = QueryParameters.WireEnum<TStatus>(query, "status", errors);
        var page = QueryParameters.Int(query, "page", 1, 1, MaxPage, errors);
        var size = QueryParameters.Int(query, "size", QueryParameters.DefaultPageSize, 1, QueryParameters.MaxPageSize, errors);
        return new BatchQuery<TStatus>(status, page, size, errors);
    }
}
