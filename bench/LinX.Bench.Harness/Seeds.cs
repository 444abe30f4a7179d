namespace LinX.Bench.Harness;

/// <summary>The four seed examples of the contract, verbatim, and the steps a customer completes in each.</summary>
public static class Seeds
{
    /// <summary>The interactive steps of seed example 1..4, in order.</summary>
    public static IReadOnlyList<string> StepsOf(int seed) => seed switch
    {
        1 => ["customer-account"],
        2 => ["lookup-profile", "financial-account"],
        3 => ["customer-account", "financial-account", "move-money"],
        4 => ["lookup-profile", "lookup-financial-account", "move-money"],
        _ => throw new ArgumentOutOfRangeException(nameof(seed), seed, "Seeds are numbered 1 to 4."),
    };

    /// <summary>The JSON of seed example 1..4 exactly as in the seed file.</summary>
    public static string Json(int seed) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", $"seed-{seed}.json"));
}
