using System.Text.Json;

namespace LinX.Functions.Tests;

/// <summary>One binding of a function in <c>functions.metadata</c>.</summary>
public sealed record FunctionBinding(string Name, string Type, string Direction, string? Route, IReadOnlyList<string> Methods);

/// <summary>One function of <c>functions.metadata</c>, the index the Functions host loads the app's functions from.</summary>
public sealed record FunctionEntry(string Name, string EntryPoint, IReadOnlyList<FunctionBinding> Bindings)
{
    /// <summary>The trigger binding's type (<c>httpTrigger</c>, <c>activityTrigger</c>, <c>orchestrationTrigger</c>...).</summary>
    public FunctionBinding Trigger => Bindings.Single(b => b.Direction == "In" && b.Type.EndsWith("Trigger", StringComparison.Ordinal));
}

/// <summary>The <c>functions.metadata</c> that LinX.Functions' build wrote (copied next to this assembly by the csproj).</summary>
public static class FunctionsMetadata
{
    public static string FilePath { get; } = Path.Combine(AppContext.BaseDirectory, "functions.metadata");

    public static IReadOnlyList<FunctionEntry> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(FilePath));
        return [.. document.RootElement.EnumerateArray().Select(f => new FunctionEntry(
            f.GetProperty("name").GetString()!,
            f.GetProperty("entryPoint").GetString()!,
            [.. f.GetProperty("bindings").EnumerateArray().Select(b => new FunctionBinding(
                b.GetProperty("name").GetString()!,
                b.GetProperty("type").GetString()!,
                b.GetProperty("direction").GetString()!,
                b.TryGetProperty("route", out var route) ? route.GetString() : null,
                b.TryGetProperty("methods", out var methods) ? [.. methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant())] : []))]))];
    }
}
