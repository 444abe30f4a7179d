using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LinX.Api.OpenApi;

/// <summary>The wire names of a contract enum, read from its <see cref="JsonStringEnumMemberNameAttribute"/>s: the JSON it is written as.</summary>
internal static class EnumWireNames
{
    public static IReadOnlyList<string> Of<T>()
        where T : struct, Enum =>
        [.. typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name)];

    /// <summary>The names as the values of a schema's <c>enum</c>.</summary>
    public static List<JsonNode> AsEnum(IEnumerable<string> names) => [.. names.Select(n => (JsonNode)JsonValue.Create(n))];
}
