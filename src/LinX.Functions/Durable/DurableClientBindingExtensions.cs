using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Functions.Durable;

/// <summary>Binds a function's <c>[DurableClient]</c> into the invocation's DI scope (<see cref="DurableClientBinding"/>).</summary>
public static class DurableClientBindingExtensions
{
    /// <summary>
    /// Binds <paramref name="client"/> in the request's services and returns the request's <see cref="HttpContext"/> for
    /// the LinX.Api handler. Under the worker's ASP.NET Core integration <see cref="HttpContext.RequestServices"/> is the
    /// invocation's scope (<see cref="FunctionContext.InstanceServices"/>), the one the handler resolves services from.
    /// </summary>
    public static HttpContext BindDurableClient(this HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.RequestServices.GetRequiredService<DurableClientBinding>().Bind(client);
        return request.HttpContext;
    }

    /// <summary>Binds <paramref name="client"/> in the invocation's scope and returns that scope, to resolve from.</summary>
    public static IServiceProvider BindDurableClient(this FunctionContext context, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.InstanceServices.GetRequiredService<DurableClientBinding>().Bind(client);
        return context.InstanceServices;
    }
}
