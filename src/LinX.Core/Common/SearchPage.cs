namespace LinX.Core.Common;

/// <summary>
/// One page of a search in RocketKOR's paging shape: <c>totalElements</c>, <c>totalPages</c>, <c>number</c> (the 1-based
/// page returned), <c>numberOfElements</c>, <c>hasNext</c> and <c>content</c>. LinX adds <c>totalElementsExact</c>: false
/// when the matches go past the search's result window and <c>totalElements</c> counts only up to it.
/// </summary>
public sealed record SearchPage<T>(int TotalElements, int TotalPages, int Number, int NumberOfElements, bool HasNext, IReadOnlyList<T> Content)
{
    public bool TotalElementsExact { get; init; } = true;

    /// <summary>The same page with its content mapped by <paramref name="map"/>.</summary>
    public SearchPage<TOut> Select<TOut>(Func<T, TOut> map) =>
        new(TotalElements, TotalPages, Number, NumberOfElements, HasNext, [.. Content.Select(map)]) { TotalElementsExact = TotalElementsExact };
}

/// <summary>Builds <see cref="SearchPage{T}"/>s.</summary>
public static class SearchPage
{
    /// <summary>The page <paramref name="number"/> of <paramref name="size"/> holding <paramref name="content"/>, out of <paramref name="total"/> matches.</summary>
    public static SearchPage<T> Of<T>(IReadOnlyList<T> content, int number, int size, int total, bool totalExact)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new SearchPage<T>(total, (total + size - 1) / size, number, content.Count, (long)number * size < total, content)
        {
            TotalElementsExact = totalExact,
        };
    }
}
