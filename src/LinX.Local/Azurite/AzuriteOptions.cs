using System.ComponentModel.DataAnnotations;

namespace LinX.Local.Azurite;

/// <summary>
/// Section <c>LinX:Azurite</c>: the emulator the local host starts itself (<see cref="AutoStart"/>) on 127.0.0.1 and
/// these ports. While it does, a storage or durable connection string of <c>UseDevelopmentStorage=true</c> means this
/// emulator (<see cref="ConnectionString"/>), not the default ports that string names elsewhere.
/// </summary>
public sealed class AzuriteOptions : IValidatableObject
{
    public const string Section = "LinX:Azurite";

    /// <summary>The development connection string of the Azure SDKs: Azurite on ports 10000-10002.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    private const string AccountName = "devstoreaccount1";

    // Azurite's well-known development key: public, documented, not a secret.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>
    /// Start Azurite when a connection string is <see cref="DevelopmentStorage"/>, and refuse to start when something
    /// else already listens on one of its ports. False: use whatever the connection strings name, as they name it.
    /// </summary>
    public bool AutoStart { get; set; } = true;

    [Range(1, 65535)]
    public int BlobPort { get; set; } = 10000;

    [Range(1, 65535)]
    public int QueuePort { get; set; } = 10001;

    [Range(1, 65535)]
    public int TablePort { get; set; } = 10002;

    /// <summary>Folder, relative to the repository root (or absolute), where Azurite keeps its data.</summary>
    public string DataFolder { get; set; } = ".azurite";

    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The ports with their setting names, in the order Azurite opens them.</summary>
    public IReadOnlyList<(string Setting, int Port)> Ports =>
        [(nameof(BlobPort), BlobPort), (nameof(QueuePort), QueuePort), (nameof(TablePort), TablePort)];

    /// <summary>The connection string of the emulator this host starts: the development account on 127.0.0.1 and these ports.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>What <paramref name="connectionString"/> means on this host: <see cref="ConnectionString"/> for development storage while Azurite is started here.</summary>
    public string? Resolve(string? connectionString) =>
        AutoStart && string.Equals(connectionString?.Trim(), DevelopmentStorage, StringComparison.OrdinalIgnoreCase) ? ConnectionString : connectionString;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Ports.Select(p => p.Port).Distinct().Count() != Ports.Count)
        {
            yield return new ValidationResult("BlobPort, QueuePort and TablePort must be three different ports.", [nameof(BlobPort), nameof(QueuePort), nameof(TablePort)]);
        }
    }
}
