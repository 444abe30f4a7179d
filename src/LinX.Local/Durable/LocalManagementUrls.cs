using LinX.Api.Management;

namespace LinX.Local.Durable;

/// <summary>
/// Management URIs on this host's Durable-compatible routes (the same paths as Durable Functions',
/// without the system key: the local host authorizes them with the business's API key instead).
/// </summary>
public sealed class LocalManagementUrls : IManagementUrls
{
    public ManagementPayload Create(HttpRequest request, string instanceId)
    {
        var instance = $"{request.Scheme}://{request.Host}{request.PathBase}{DurableManagementEndpoints.InstancesRoute}/{Uri.EscapeDataString(instanceId)}";
        return new ManagementPayload(
            instanceId,
            instance,
            instance + "/raiseEvent/{eventName}",
            instance + "/terminate?reason={text}",
            instance);
    }
}
