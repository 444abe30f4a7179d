using LinX.Core.Activities;
using LinX.Core.Admin;
using LinX.Core.Batches;
using LinX.Core.Businesses;
using LinX.Core.Documents;
using LinX.Core.Gateway;
using LinX.Core.Management;
using LinX.Core.Notifications;
using LinX.Core.Security;
using LinX.Core.SmsOptOuts;
using LinX.Core.Templates;
using LinX.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LinX.Core;

/// <summary>Registration of LinX.Core: options, crypto, application services and activities.</summary>
public static class LinXCoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds the options sections <c>LinX</c>, <c>LinX:Security</c>, <c>LinX:Admin</c> and <c>LinX:Batches</c> (validated at start), the application
    /// services and every activity (see <see cref="ActivityCatalog"/>). Stores, SMS sender and payment processor
    /// come from an infrastructure registration.
    /// </summary>
    public static IServiceCollection AddLinXCore(this IServiceCollection services)
    {
        services.AddOptions<LinXOptions>().BindConfiguration(LinXOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LinXSecurityOptions>().BindConfiguration(LinXSecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<LinXCrypto>();
        services.TryAddScoped<WebhookPublisher>();
        services.TryAddScoped<WebhookSubscriptionService>();
        services.TryAddSingleton<SmsComposer>();
        services.TryAddSingleton<CustomerSubmissions>();
        services.TryAddScoped<ApiKeyAuthenticator>();
        services.TryAddScoped<WorkflowService>();
        services.TryAddScoped<TemplateService>();
        services.AddOptions<BatchOptions>().BindConfiguration(BatchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped<BatchService>();
        services.TryAddScoped<BatchEntryStarter>();
        services.TryAddScoped<IBatchTemplates, TemplateBatchTemplates>();
        services.TryAddScoped<WorkflowSearchService>();
        services.TryAddScoped<GatewayService>();
        services.TryAddScoped<BusinessReadService>();
        services.TryAddScoped<SmsOptOutService>();
        services.TryAddScoped<BusinessDocumentService>();
        services.TryAddScoped<DocumentPinning>();
        services.TryAddScoped<InboundSmsService>();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<InboundSmsOptions>().BindConfiguration(InboundSmsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<InboundSmsAuthenticator>();
        services.TryAddSingleton<AdminAuthenticator>();
        services.TryAddSingleton<BusinessProfileService>();
        services.TryAddSingleton<BusinessAdminService>();
        services.TryAddSingleton<BusinessAccountService>();
        services.TryAddSingleton<ApiKeyService>();
        foreach (var activity in ActivityCatalog.All)
        {
            services.TryAddTransient(activity.ImplementationType);
        }

        return services;
    }
}
