namespace LinX.Local.Azurite;

/// <summary>
/// Something this host did not start already listens on a port it was to start Azurite on: the host stops instead of
/// sharing that emulator, and says what to do.
/// </summary>
public sealed class AzuritePortInUseException(string setting, int port) : Exception(
    $"LinX.Local cannot start its Azurite: something already listens on 127.0.0.1:{port} ({AzuriteOptions.Section}:{setting}), " +
    "and LinX does not share an emulator it did not start. Stop that process, pick free ports " +
    $"({AzuriteOptions.Section}:BlobPort, QueuePort, TablePort), or set {AzuriteOptions.Section}:AutoStart=false to use that emulator on purpose " +
    "(the connection strings then say where it is).")
{
    /// <summary>The port in use.</summary>
    public int Port { get; } = port;
}
