using LinX.Api.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LinX.Api;

/// <summary>Registration of LinX.Api: what its handlers take from the services of either host.</summary>
public static class LinXApiServiceCollectionExtensions
{
    /// <summary>Adds the section <c>LinX:RateLimits</c> (validated at start) and the host's one <see cref="RequestRateLimiter"/>.</summary>
    public static IServiceCollection AddLinXApi(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<RequestRateLimiter>();
        return services;
    }
}
