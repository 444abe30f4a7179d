using LinX.Api.Management;
using LinX.Functions.Orchestration;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Management;

/// <summary>
/// <see cref="IManagementUrls"/> of the Functions host: Durable Functions' own management payload for the instance
/// (<c>/runtime/webhooks/durabletask/instances/{id}...</c>), from this invocation's <c>[DurableClient]</c>, without
/// the system key. See docs/decisions/0003-functions-host-adapters.md.
/// </summary>
public sealed class FunctionsManagementUrls : IManagementUrls
{
    private const string SystemKeyParameter = "code=";

    private readonly InvocationOrchestrationClient _invocation;

    public FunctionsManagementUrls(InvocationOrchestrationClient invocation) => _invocation = invocation;

    public ManagementPayload Create(HttpRequest request, string instanceId)
    {
        // No HttpRequestData is passed: without one the payload is built on the binding's own base URL (the app's
        // host name, https in Azure), which needs nothing of ASP.NET Core integration; with one it would only take
        // the authority from the request's Host or X-Forwarded-Host, which the caller chooses.
        var payload = _invocation.Client.CreateHttpManagementPayload(instanceId);
        return new ManagementPayload(
            payload.Id,
            WithoutSystemKey(payload.StatusQueryGetUri),
            WithoutSystemKey(payload.SendEventPostUri),
            WithoutSystemKey(payload.TerminatePostUri),
            WithoutSystemKey(payload.PurgeHistoryDeleteUri));
    }

    // The payload's URIs carry the durabletask_extension system key (code=...), which opens every instance of the
    // task hub: listing them with their inputs, raising any event (a customer's acceptance included), terminating
    // and purging. A business must never hold it; it reads and commands its workflows through /api/linx.
    private static string WithoutSystemKey(string uri)
    {
        var queryStart = uri.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return uri;
        }

        var query = string.Join('&', uri[(queryStart + 1)..].Split('&')
            .Where(parameter => !parameter.StartsWith(SystemKeyParameter, StringComparison.OrdinalIgnoreCase)));
        return query.Length == 0 ? uri[..queryStart] : $"{uri[..queryStart]}?{query}";
    }
}
