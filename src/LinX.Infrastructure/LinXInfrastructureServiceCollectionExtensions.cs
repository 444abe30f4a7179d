using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using LinX.Core.Accounts;
using LinX.Core.Batches;
using LinX.Core.Consent;
using LinX.Core.Businesses;
using LinX.Core.Customers;
using LinX.Core.Documents;
using LinX.Core.Management;
using LinX.Core.Notifications;
using LinX.Core.Payments;
using LinX.Core.SmsOptOuts;
using LinX.Core.Templates;
using LinX.Core.Webhooks;
using LinX.Core.Workflows;
using LinX.Infrastructure.Payments;
using LinX.Infrastructure.Sms;
using LinX.Infrastructure.Storage;
using LinX.Infrastructure.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LinX.Infrastructure;

/// <summary>Registration of LinX.Infrastructure.</summary>
public static class LinXInfrastructureServiceCollectionExtensions
{
    /// <summary>
    /// Adds section <c>LinX:Storage</c> (validated at start), a <see cref="TableServiceClient"/> (connection string,
    /// or <c>DefaultAzureCredential</c> with the table URI; the section's deadline on every call), every Table Storage
    /// store, and a hosted service that creates the tables if missing at start.
    /// </summary>
    public static IServiceCollection AddLinXTableStorage(this IServiceCollection services)
    {
        services.AddOptions<LinXStorageOptions>().BindConfiguration(LinXStorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        AddAzureCredential(services);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LinXStorageOptions>>().Value;
            var clientOptions = options.ApplyTo(new TableClientOptions());
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new TableServiceClient(options.TableServiceUri, sp.GetRequiredService<TokenCredential>(), clientOptions)
                : new TableServiceClient(options.ConnectionString, clientOptions);
        });
        services.TryAddSingleton(sp => new TableNames(sp.GetRequiredService<IOptions<LinXStorageOptions>>().Value.TablePrefix));
        services.TryAddSingleton<TableStorage>();
        services.TryAddSingleton<IWorkflowStore, TableWorkflowStore>();
        services.TryAddSingleton<ILinkTokenStore, TableLinkTokenStore>();
        services.TryAddSingleton<ICustomerStore, TableCustomerStore>();
        services.TryAddSingleton<IFinancialAccountStore, TableFinancialAccountStore>();
        services.TryAddSingleton<ITransactionStore, TableTransactionStore>();
        services.TryAddSingleton<INotificationStore, TableNotificationStore>();
        services.TryAddSingleton<IBusinessStore, TableBusinessStore>();
        services.TryAddSingleton<IBusinessLogoStore, TableBusinessLogoStore>();
        services.TryAddSingleton<IApiKeyStore, TableApiKeyStore>();
        services.TryAddSingleton<IWebhookSubscriptionStore, TableWebhookSubscriptionStore>();
        services.TryAddSingleton<IWebhookDeliveryStore, TableWebhookDeliveryStore>();
        services.TryAddSingleton<IConsentStore, TableConsentStore>();
        services.TryAddSingleton<ISmsOptOutStore, TableSmsOptOutStore>();
        services.TryAddSingleton<IBusinessDocumentStore, TableBusinessDocumentStore>();
        services.TryAddSingleton<ITemplateStore, TableTemplateStore>();
        services.TryAddSingleton<IResendQuota, TableResendQuota>();
        services.TryAddSingleton<IBatchStore, TableBatchStore>();
        services.AddHostedService<TableInitializer>();
        return services;
    }

    /// <summary>Adds the in-memory dev SMS sender (<see cref="DevSmsInbox"/>, also resolvable for the <c>/dev/sms</c> page).</summary>
    public static IServiceCollection AddLinXDevSms(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DevSmsInbox>();
        services.TryAddSingleton<ISmsSender>(sp => sp.GetRequiredService<DevSmsInbox>());
        return services;
    }

    /// <summary>
    /// Adds the SMS sender that <c>LinX:Sms:Provider</c> names: <c>DevInbox</c> (<see cref="AddLinXDevSms"/>) or
    /// <c>Acs</c> (<see cref="AddLinXAcsSms"/>); <paramref name="defaultProvider"/> when the setting is absent. Read here
    /// rather than when the sender is first resolved, so that only the chosen provider's section is validated at start.
    /// </summary>
    public static IServiceCollection AddLinXSms(this IServiceCollection services, IConfiguration configuration, SmsProvider defaultProvider = SmsProvider.DevInbox)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // The one value, not the section: a section holding only LinX:Sms:Acs must not bind to the class's default.
        var key = LinXSmsOptions.SectionName + ":" + nameof(LinXSmsOptions.Provider);
        var provider = configuration.GetValue<SmsProvider?>(key) ?? defaultProvider;
        if (!Enum.IsDefined(provider))
        {
            throw new InvalidOperationException(key + " must be DevInbox or Acs.");
        }

        return provider == SmsProvider.Acs ? services.AddLinXAcsSms() : services.AddLinXDevSms();
    }

    /// <summary>
    /// Adds section <c>LinX:Sms:Acs</c> (validated at start) and <see cref="AcsSmsSender"/> as the <see cref="ISmsSender"/>,
    /// replacing any other.
    /// </summary>
    public static IServiceCollection AddLinXAcsSms(this IServiceCollection services)
    {
        services.AddOptions<AcsSmsOptions>().BindConfiguration(AcsSmsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        AddAzureCredential(services);
        services.TryAddSingleton<AcsSmsSender>();
        services.Replace(ServiceDescriptor.Singleton<ISmsSender>(sp => sp.GetRequiredService<AcsSmsSender>()));
        return services;
    }

    /// <summary>
    /// Adds the outbound webhook sender (<see cref="IWebhookSender"/>): no redirects, SSRF guard on every connection,
    /// time and size limits from <c>LinX:Webhooks</c>.
    /// </summary>
    public static IServiceCollection AddLinXWebhookSender(this IServiceCollection services)
    {
        services.TryAddSingleton<IWebhookSender, HttpWebhookSender>();
        return services;
    }

    /// <summary>Adds the sandbox payment processor (see <see cref="SandboxPaymentProcessor"/> for its rules).</summary>
    public static IServiceCollection AddLinXSandboxPayments(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPaymentProcessor, SandboxPaymentProcessor>();
        return services;
    }

    /// <summary>One Microsoft Entra ID credential for the app (its managed identity in Azure), shared by every client that needs one.</summary>
    private static void AddAzureCredential(IServiceCollection services) =>
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
}
