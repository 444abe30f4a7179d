using LinX.Api;
using LinX.Api.Management;
using LinX.Api.OpenApi;
using LinX.Core;
using LinX.Core.Admin;
using LinX.Infrastructure;
using LinX.Local.Admin;
using LinX.Local.Azurite;
using LinX.Local.Demo;
using LinX.Local.Durable;
using LinX.Local.Health;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

namespace LinX.Local;

/// <summary>
/// Everything the local host runs: LinX on the Durable Task engine (Azure Storage backend), SMS through the dev inbox
/// (or ACS with <c>LinX:Sms:Provider=Acs</c>), sandbox payments.
/// </summary>
public static class LocalServiceCollectionExtensions
{
    public static IServiceCollection AddLinXLocal(this IServiceCollection services, IConfiguration configuration)
    {
        // Hosted services start in registration order: Azurite first, then tables, demo data, the
        // Durable Task sidecar, then its worker (they stop in reverse order).
        services.AddLinXAzurite();
        services.AddLinXApi();
        services.AddLinXCore().AddLinXTableStorage().AddLinXSms(configuration).AddLinXSandboxPayments().AddLinXWebhookSender();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddSingleton<LocalAdminKey>();
        services.AddSingleton<IPostConfigureOptions<AdminOptions>>(sp => sp.GetRequiredService<LocalAdminKey>());
        services.AddSingleton<DemoSeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoSeeder>());
        services.AddSingleton<IManagementUrls, LocalManagementUrls>();

        services.AddLinXDurableTask();

        services.AddProblemDetails();
        services.AddLinXOpenApi();
        services.AddLinXLocalHealth();
        services.AddOpenTelemetry().WithTracing(tracing =>
        {
            tracing.AddAspNetCoreInstrumentation(o =>
            {
                // Customer routes carry the link token in their path: they are never traced.
                o.Filter = http => !http.Request.Path.StartsWithSegments("/linx") && !http.Request.Path.StartsWithSegments("/api/gateway");
                o.EnrichWithHttpRequest = (activity, request) =>
                {
                    if (request.RouteValues.TryGetValue("id", out var id) && Api.Http.RouteIds.Parse(id as string) is { } workflowId)
                    {
                        activity.SetTag("linx.workflow_id", workflowId);
                    }
                };
            });
            if (configuration.GetValue<bool>("LinX:Telemetry:ConsoleExporter"))
            {
                tracing.AddConsoleExporter();
            }
        });
        return services;
    }
}
