using System.Reflection;
using System.Text.RegularExpressions;
using LinX.Api.Problems;
using LinX.Core;
using LinX.Core.Payments;
using LinX.Core.Webhooks;
using LinX.Core.Workflows;
using LinX.Testing;

namespace LinX.Api.Tests.Problems;

/// <summary>
/// The one error catalogue (ApiErrorCodes, ServiceErrorCodes, WorkflowErrorCodes) and docs/errors.md stay one: every code
/// documented once with an example, nothing documented that does not exist, each code spelled by one literal, and no code
/// written as a literal anywhere else in src/.
/// </summary>
public sealed partial class ErrorCatalogueTests
{
    private static readonly Type[] Catalogue = [typeof(ApiErrorCodes), typeof(ServiceErrorCodes), typeof(WorkflowErrorCodes)];

    private static readonly string[] CatalogueFiles =
    [
        "src/LinX.Api/Problems/ApiErrorCodes.cs", "src/LinX.Core/ServiceErrorCodes.cs", "src/LinX.Core/Workflows/WorkflowErrorCodes.cs",
    ];

    [Fact]
    public void DocsErrors_ListsEveryCatalogueCodeOnceWithAnExample_AndNothingElse()
    {
        // Arrange
        var documented = DocumentedRows(DocsSection("## Top-level codes", "## Webhook delivery errors"));

        // Act
        var codes = CodesOf(Catalogue);

        // Assert
        Assert.Empty(documented.GroupBy(r => r.Code).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(codes.Order(), documented.Select(r => r.Code).Order());
        Assert.All(documented, row => Assert.True(row.Example.Length > 3, $"{row.Code} has no example"));
    }

    [Fact]
    public void DocsErrors_WebhookDeliveryErrors_AreExactlyWebhookErrors()
    {
        var documented = DocumentedRows(DocsSection("## Webhook delivery errors", "## Payment decline codes"));

        Assert.Equal(CodesOf([typeof(WebhookErrors)]).Order(), documented.Select(r => r.Code).Order());
    }

    [Fact]
    public void DocsErrors_PaymentDeclineCodes_AreExactlyTheCatalogueInOrderWithTheirRecoverability()
    {
        var documented = DeclineRow().Matches(DocsSection("## Payment decline codes", null))
            .Select(m => (m.Groups["code"].Value, m.Groups["recoverable"].Value == "yes"))
            .ToList();

        Assert.Equal(PaymentDeclineCodes.All.Select(c => (c, PaymentDeclineCodes.IsRecoverable(c))), documented);
    }

    [Fact]
    public void EveryCode_IsSpelledByOneLiteral()
    {
        // Arrange: aliases (ApiErrorCodes.NotFound = ServiceErrorCodes.NotFound) are fine; two literals of one code are not.
        var literals = CatalogueFiles
            .SelectMany(f => ConstantLiteral().Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, f))))
            .Select(m => m.Groups["code"].Value)
            .ToList();

        // Assert
        Assert.Empty(literals.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(CodesOf(Catalogue).Order(), literals.Order());
    }

    [Fact]
    public void NoSourceFile_WritesACatalogueCodeAsALiteral()
    {
        // Arrange
        var codes = CodesOf(Catalogue).ToHashSet(StringComparer.Ordinal);
        var catalogueFiles = CatalogueFiles.Select(f => Path.GetFullPath(Path.Combine(RepoPaths.Root, f))).ToHashSet();
        var sources = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !catalogueFiles.Contains(Path.GetFullPath(f)));

        // Act
        var offenders = (
            from file in sources
            from line in File.ReadLines(file).Select((text, index) => (text, number: index + 1))
            from Match literal in StringLiteral().Matches(line.text)
            where codes.Contains(literal.Groups["value"].Value)
            select $"{Path.GetRelativePath(RepoPaths.Root, file)}:{line.number}: \"{literal.Groups["value"].Value}\"").ToList();

        // Assert
        Assert.True(offenders.Count == 0, "Use the catalogue's constants:\n" + string.Join('\n', offenders));
    }

    private static string[] CodesOf(IEnumerable<Type> types) =>
    [
        .. types
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct(StringComparer.Ordinal),
    ];

    private static string DocsSection(string from, string? to)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "errors.md"));
        var start = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/errors.md has no section {from}");
        var end = to is null ? text.Length : text.IndexOf(to, start, StringComparison.Ordinal);
        return text[start..end];
    }

    private static List<(string Code, string Example)> DocumentedRows(string section) =>
        [.. DocumentedRow().Matches(section).Select(m => (m.Groups["code"].Value, m.Groups["rest"].Value.Split('|', StringSplitOptions.TrimEntries)[^2]))];

    [GeneratedRegex("""^\| `(?<code>[A-Z0-9_]+)` \|(?<rest>.*)$""", RegexOptions.Multiline)]
    private static partial Regex DocumentedRow();

    [GeneratedRegex("""^\| `(?<code>[A-Z0-9_]+)` \| (?<recoverable>yes|no) \|""", RegexOptions.Multiline)]
    private static partial Regex DeclineRow();

    [GeneratedRegex("""public const string \w+ = "(?<code>[A-Z0-9_]+)";""")]
    private static partial Regex ConstantLiteral();

    [GeneratedRegex("\"(?<value>[A-Z][A-Z0-9_]+)\"")]
    private static partial Regex StringLiteral();
}
