namespace LinX.Core.Common;

/// <summary>One page of a listing. <c>ResultPage</c> is 1-based.</summary>
public sealed record ResultPage<T>(IReadOnlyList<T> Items, int PageNumber, int Size, int TotalCount);

/// <summary>Builds <see cref="ResultPage{T}"/>s.</summary>
public static class ResultPage
{
    /// <summary>The 1-based page <paramref name="page"/> of <paramref name="size"/> of <paramref name="ordered"/>, which holds <paramref name="totalCount"/> items.</summary>
    public static ResultPage<T> Of<T>(IEnumerable<T> ordered, int totalCount, int page, int size) =>
        new([.. ordered.Skip((page - 1) * size).Take(size)], page, size, totalCount);
}
