namespace LinX.Local.Azurite;

/// <summary>
/// Section <c>LinX:Azurite</c>: whether the local host may start Azurite itself when the storage
/// connection is <c>UseDevelopmentStorage=true</c> and nothing answers on the Table endpoint.
/// </summary>
public sealed class AzuriteOptions
{
    public const string Section = "LinX:Azurite";

    public bool AutoStart { get; set; } = true;

    /// <summary>Folder, relative to the repository root, where Azurite keeps its data.</summary>
    public string DataFolder { get; set; } = ".azurite";

    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
