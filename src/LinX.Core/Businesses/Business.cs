namespace LinX.Core.Businesses;

/// <summary>A tenant of LinX: the business that sends workflows to its customers.</summary>
/// <remarks>
/// <c>Country</c>: where the business is registered (ISO 3166-1 alpha-2). <c>AllowedSmsCountries</c>: the countries
/// whose mobile numbers LinX texts for it; empty means its own country only. <c>Profile</c>: how it presents itself to
/// its customers, set through the admin or business API (null until set). <c>Logo</c>: the logo LinX stores for it (set
/// through the business API), null when it has none.
/// </remarks>
public sealed record Business(Guid BusinessId, string Name, DateTimeOffset CreatedAt)
{
    public const string DefaultCountry = "CA";

    public string Country { get; init; } = DefaultCountry;

    public IReadOnlyList<string> AllowedSmsCountries { get; init; } = [];

    public BusinessProfile? Profile { get; init; }

    public BusinessLogo? Logo { get; init; }

    /// <summary>Whether LinX may text a number of <paramref name="country"/> (null: a number of no known country) for this business.</summary>
    public bool MayText(string? country) =>
        country is not null && (AllowedSmsCountries.Count == 0 ? country == Country : AllowedSmsCountries.Contains(country));
}
