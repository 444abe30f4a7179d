using System.Globalization;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace LinX.Functions.Tests;

/// <summary>
/// The client a <c>[DurableClient]</c> binding hands a function: the Durable extension's own per-binding
/// <c>FunctionsDurableTaskClient</c> around the connection to the host, carrying the binding's base URL and query string
/// (which <c>CreateHttpManagementPayload</c> reads). That type is internal to the extension, so it is made by
/// reflection; here its inner client is a mock, so a test sees exactly what the function asked of Durable Functions.
/// </summary>
public static class DurableBinding
{
    /// <summary>The binding's <c>httpBaseUrl</c>, as the host sends it for an app.</summary>
    public const string HttpBaseUrl = "https://linx-prod.azurewebsites.net/runtime/webhooks/durabletask";

    /// <summary>The binding's <c>requiredQueryStringParameters</c>, system key included.</summary>
    public const string QueryString = "taskHub=linx&connection=Storage&code=SYSTEM-KEY";

    private const string BoundClientTypeName = "Microsoft.Azure.Functions.Worker.FunctionsDurableTaskClient";

    public static DurableTaskClient Wrap(DurableTaskClient inner, string? queryString = QueryString, string? httpBaseUrl = HttpBaseUrl)
    {
        var type = typeof(DurableClientAttribute).Assembly.GetType(BoundClientTypeName)
            ?? throw new InvalidOperationException($"The Durable extension has no {BoundClientTypeName} any more: update {nameof(DurableBinding)}.");
        return (DurableTaskClient)Activator.CreateInstance(
            type,
            BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic,
            binder: null,
            args: [inner, queryString, httpBaseUrl, null],
            CultureInfo.InvariantCulture)!;
    }
}
