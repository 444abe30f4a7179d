using Azure.Identity;
using LinX.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmsClient = Azure.Communication.Sms.SmsClient;

namespace LinX.Functions.Sms;

/// <summary>Registration of the ACS SMS sender.</summary>
public static class AcsSmsServiceCollectionExtensions
{
    /// <summary>
    /// Adds section <c>Acs</c> (validated at start), an ACS <see cref="SmsClient"/> (connection string, or the
    /// endpoint with <c>DefaultAzureCredential</c>, i.e. the app's managed identity in Azure) and
    /// <see cref="AcsSmsSender"/> as the <see cref="ISmsSender"/>, replacing any other.
    /// </summary>
    public static IServiceCollection AddLinXAcsSms(this IServiceCollection services)
    {
        services.AddOptions<AcsOptions>().BindConfiguration(AcsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AcsOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new SmsClient(new Uri(options.Endpoint!, UriKind.Absolute), new DefaultAzureCredential())
                : new SmsClient(options.ConnectionString);
        });
        services.Replace(ServiceDescriptor.Singleton<ISmsSender, AcsSmsSender>());
        return services;
    }
}
