using Microsoft.DurableTask.Client;

namespace LinX.Functions.Durable;

/// <summary>
/// This invocation's <see cref="DurableTaskClient"/>. Durable Functions hands its client out only through a
/// <c>[DurableClient]</c> binding (it is built from binding data the host sends with each invocation), never through
/// DI, while LinX's services take a <see cref="DurableTaskClient"/> in their constructor. A function that reaches such
/// a service binds its client here first; the scoped <see cref="DurableTaskClient"/> registration reads it, and the
/// services are resolved after that (lazily, by the handler or the function). Resolving one without a bound client
/// fails loudly, never with a stand-in client. The container disposes the client with the invocation's scope, which is
/// right for what the binding hands out: a per-invocation wrapper whose disposal leaves the shared connection open.
/// </summary>
public sealed class DurableClientBinding
{
    private DurableTaskClient? _client;

    /// <summary>The bound client; <see cref="InvalidOperationException"/> when the function bound none.</summary>
    public DurableTaskClient Client => _client ?? throw new InvalidOperationException(
        "No Durable client is bound in this invocation: the function must take a [DurableClient] DurableTaskClient "
        + "parameter and bind it (BindDurableClient) before LinX services that start or signal orchestrations are resolved.");

    /// <summary>Binds the client of this invocation's <c>[DurableClient]</c> binding.</summary>
    public void Bind(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }
}
