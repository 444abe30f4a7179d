using Microsoft.AspNetCore.Http;

namespace LinX.Api.Management;

/// <summary>
/// Builds the Durable management URIs for an instance. Each host supplies its own: the Functions host
/// from <c>CreateHttpManagementPayload</c>, the local host from its own management routes.
/// </summary>
public interface IManagementUrls
{
    ManagementPayload Create(HttpRequest request, string instanceId);
}
