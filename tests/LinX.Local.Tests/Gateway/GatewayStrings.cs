using System.Text.Json;
using LinX.Testing;

namespace LinX.Local.Tests.Gateway;

/// <summary>
/// The Gateway page's words as it ships them (<c>src/LinX.Api/Gateway/Assets/strings.{locale}.json</c>), so a test
/// drives the page in a locale by the same labels a customer reads.
/// </summary>
public sealed class GatewayStrings
{
    private readonly Dictionary<string, string> _strings;

    private GatewayStrings(string locale)
    {
        Locale = locale;
        _strings = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(PathOf(locale)))!;
    }

    public static GatewayStrings English { get; } = new("en");

    public static GatewayStrings French { get; } = new("fr-CA");

    public string Locale { get; }

    public IReadOnlyDictionary<string, string> All => _strings;

    public string this[string key] => _strings[key];

    public static string PathOf(string locale) =>
        Path.Combine(RepoPaths.Root, "src", "LinX.Api", "Gateway", "Assets", $"strings.{locale}.json");

    /// <summary>The string with its <c>{name}</c> placeholders filled.</summary>
    public string Format(string key, params (string Name, string Value)[] values) =>
        values.Aggregate(_strings[key], (text, v) => text.Replace("{" + v.Name + "}", v.Value, StringComparison.Ordinal));

    /// <summary>The page's heading for a Gateway view: its customer memo, else the words for its heading kind.</summary>
    public string HeadingOf(JsonElement view)
    {
        if (view.TryGetProperty("customerMemo", out var memo) && memo.ValueKind == JsonValueKind.String)
        {
            return memo.GetString()!;
        }

        return view.TryGetProperty("headingKind", out var kind) && kind.ValueKind == JsonValueKind.String
            && _strings.TryGetValue($"heading.{kind.GetString()}", out var words) ? words : _strings["heading.default"];
    }
}
