using System.Net;
using System.Net.Sockets;

namespace LinX.Testing;

/// <summary>Loopback ports for test servers: never a fixed one, since anything may already listen there.</summary>
public static class Ports
{
    /// <summary>A port nothing listens on right now (the OS picks it; another process could take it before it is bound).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
