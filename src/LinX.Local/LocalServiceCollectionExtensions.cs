using LinX.Api.Management;
using LinX.Core;
using LinX.Core.Activities;
using LinX.Core.Orchestration;
using LinX.Core.Webhooks;
using LinX.Durable.Hosting;
using LinX.Infrastructure;
using LinX.Local.Azurite;
using LinX.Local.Demo;
using LinX.Local.Durable;
using OpenTelemetry.Trace;

namespace LinX.Local;

/// <summary>Everything the local host runs: LinX on the embedded durable runtime, dev SMS, sandbox payments.</summary>
public static class LocalServiceCollectionExtensions
{
    public static IServiceCollection AddLinXLocal(this IServiceCollection services, IConfiguration configuration)
    {
        // Hosted services start in registration order: Azurite first, then tables, demo data, the worker.
        services.AddOptions<AzuriteOptions>().BindConfiguration(AzuriteOptions.Section);
        services.AddHostedService<AzuriteLauncher>();
        services.AddLinXCore().AddLinXTableStorage().AddLinXDevSms().AddLinXSandboxPayments().AddLinXWebhookSender();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddSingleton<DemoSeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoSeeder>());
        services.AddSingleton<IManagementUrls, LocalManagementUrls>();

        var durable = services.AddLinXDurable()
            .AddOrchestrator(LinxOrchestration.Name, LinxOrchestration.RunAsync)
            .AddOrchestrator(WebhookDispatchOrchestration.Name, WebhookDispatchOrchestration.RunAsync);
        foreach (var activity in ActivityCatalog.All)
        {
            durable.AddActivity(activity.Name, activity.InputType, activity.OutputType, activity.Invoke);
        }

        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks();
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
