using LinX.Api.Management;
using LinX.Core.Orchestration;
using LinX.Functions.Management;
using LinX.Functions.Orchestration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LinX.Functions;

/// <summary>Registration of what only the Functions host provides.</summary>
public static class LinXFunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="InvocationOrchestrationClient"/> as the scoped <see cref="IOrchestrationClient"/>, bound per
    /// invocation to the function's <c>[DurableClient]</c>, and <see cref="FunctionsManagementUrls"/> (built from that
    /// client) as the scoped <see cref="IManagementUrls"/>.
    /// </summary>
    public static IServiceCollection AddLinXDurableFunctionsClient(this IServiceCollection services)
    {
        services.TryAddScoped<InvocationOrchestrationClient>();
        services.Replace(ServiceDescriptor.Scoped<IOrchestrationClient>(sp => sp.GetRequiredService<InvocationOrchestrationClient>()));
        services.Replace(ServiceDescriptor.Scoped<IManagementUrls, FunctionsManagementUrls>());
        return services;
    }
}
