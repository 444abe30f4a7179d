namespace LinX.Local.Demo;

/// <summary>Section <c>LinX:Demo</c>: the demo business seeded at start so the seed examples run verbatim.</summary>
public sealed class DemoOptions
{
    public const string Section = "LinX:Demo";

    public bool Seed { get; set; } = true;

    /// <summary>A fixed API key for scripts; when empty a random one is made and printed once at start.</summary>
    public string? ApiKey { get; set; }
}
