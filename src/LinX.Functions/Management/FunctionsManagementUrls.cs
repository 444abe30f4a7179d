using LinX.Api.Management;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace LinX.Functions.Management;

/// <summary>
/// <see cref="IManagementUrls"/> of the Functions host: Durable Functions' own management payload for the instance
/// (<c>/runtime/webhooks/durabletask/instances/{id}...</c>), from this invocation's bound <see cref="DurableTaskClient"/>,
/// without the system key. See docs/decisions/0003-functions-host-adapters.md.
/// </summary>
public sealed class FunctionsManagementUrls : IManagementUrls
{
    private const string SystemKeyParameter = "code=";

    private readonly DurableTaskClient _client;

    public FunctionsManagementUrls(DurableTaskClient client) => _client = client;

    public ManagementPayload Create(HttpRequest request, string instanceId)
    {
        // No HttpRequestData is passed: without one the payload is built on the binding's own base URL (the app's
        // host name, https in Azure); with one it would take the authority from the request's Host or
        // X-Forwarded-Host, which the caller chooses.
        var payload = _client.CreateHttpManagementPayload(instanceId);
        return new ManagementPayload(
            Required(payload.Id, nameof(payload.Id)),
            WithoutSystemKey(Required(payload.StatusQueryGetUri, nameof(payload.StatusQueryGetUri))),
            WithoutSystemKey(Required(payload.SendEventPostUri, nameof(payload.SendEventPostUri))),
            WithoutSystemKey(Required(payload.TerminatePostUri, nameof(payload.TerminatePostUri))),
            WithoutSystemKey(Required(payload.PurgeHistoryDeleteUri, nameof(payload.PurgeHistoryDeleteUri))));
    }

    // The SDK declares every member nullable but always sets them; a missing one is a broken binding, and a workflow
    // response with a null URI in it would be a contract LinX never promised.
    private static string Required(string? value, string member) =>
        string.IsNullOrEmpty(value)
            ? throw new InvalidOperationException($"Durable Functions' management payload has no {member}.")
            : value;

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
