namespace LinX.Core.Workflows;

/// <summary>The ISO 4217 currencies LinX moves money in.</summary>
public static class CurrencyCatalog
{
    public const string Usd = "USD";
    public const string Cad = "CAD";

    /// <summary>Supported codes, upper case.</summary>
    public static IReadOnlyList<string> Supported { get; } = [Usd, Cad];

    /// <summary>Whether <paramref name="code"/> has the ISO 4217 shape: three upper-case ASCII letters.</summary>
    public static bool IsWellFormed(string code) => code.Length == 3 && code.All(char.IsAsciiLetterUpper);

    /// <summary>Whether LinX supports <paramref name="code"/> (exact, upper case).</summary>
    public static bool IsSupported(string code) => Supported.Contains(code, StringComparer.Ordinal);
}
