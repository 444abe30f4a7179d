namespace LinX.Core.Common;

/// <summary>One page of a listing. <c>ResultPage</c> is 1-based.</summary>
public sealed record ResultPage<T>(IReadOnlyList<T> Items, int PageNumber, int Size, int TotalCount);
