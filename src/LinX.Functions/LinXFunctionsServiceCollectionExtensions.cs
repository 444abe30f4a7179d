using System.Text.Json;
using Azure.Core.Serialization;
using LinX.Api;
using LinX.Api.Management;
using LinX.Core;
using LinX.Functions.Durable;
using LinX.Functions.Management;
using LinX.Infrastructure;
using LinX.Infrastructure.Sms;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LinX.Functions;

/// <summary>Registration of the Functions host: everything <c>Program</c> adds to the worker's services.</summary>
public static class LinXFunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Adds LinX (core, Table Storage, SMS, sandbox payments, webhook sender), the worker serializer for Durable payloads,
    /// and the invocation's Durable client: <see cref="DurableClientBinding"/> and, read from it, the scoped
    /// <see cref="DurableTaskClient"/> the services take, and <see cref="FunctionsManagementUrls"/> as
    /// <see cref="IManagementUrls"/>. The same registrations as LinX.Local minus its embedded Durable Task engine
    /// (Durable Functions runs the orchestrators and activities here). SMS go through ACS unless
    /// <c>LinX:Sms:Provider</c> says otherwise: a missing setting fails at start on the ACS section, rather than
    /// letting production text nobody.
    /// </summary>
    public static IServiceCollection AddLinXFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        // Durable payloads (inputs, outputs, events, custom status) go through the worker's serializer: Web defaults
        // (camelCase) make both hosts store the same JSON. HTTP responses are LinX.Api's own (ApiJson), on both hosts.
        services.Configure<WorkerOptions>(options =>
            options.Serializer = new JsonObjectSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)));

        services
            .AddLinXApi()
            .AddLinXCore()
            .AddLinXTableStorage()
            .AddLinXSms(configuration, defaultProvider: SmsProvider.Acs)
            .AddLinXSandboxPayments()
            .AddLinXWebhookSender();

        // Time travel is LinX.Local's, in Development only: whatever an app setting says, workflows created here never honour it.
        services.PostConfigure<LinXOptions>(options => options.DevTimeTravel = false);

        // Replace, not TryAdd: whatever else may register a DurableTaskClient, LinX's services get the invocation's.
        services.TryAddScoped<DurableClientBinding>();
        services.Replace(ServiceDescriptor.Scoped(sp => sp.GetRequiredService<DurableClientBinding>().Client));
        services.Replace(ServiceDescriptor.Scoped<IManagementUrls, FunctionsManagementUrls>());
        return services;
    }
}
