using LinX.Api;
using LinX.Api.Problems;
using LinX.Core;
using LinX.Infrastructure.Sms;
using LinX.Local.Dev;
using LinX.Local.Durable;
using LinX.Local.Health;
using LinX.Local.OpenApi;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace LinX.Local;

/// <summary>Builds the local host: used by <c>Program</c> and by end-to-end tests that host it in-process.</summary>
public static class LinxLocalApplication
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The settings next to the assembly, not in the current directory: `dotnet path/to/LinX.Local.dll` works from anywhere.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
        configure?.Invoke(builder);
        LocalUrls.Apply(builder);
        builder.Services.AddLinXLocal(builder.Configuration);
        builder.Services.AddLinXDevTimeTravel();

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context =>
                ExceptionProblems.ToResult(context, context.Features.GetRequiredFeature<IExceptionHandlerFeature>().Error).ExecuteAsync(context),
            // ExceptionProblems logs what it maps (a storage fault once, at Warning, without its stack): not again here.
            SuppressDiagnosticsCallback = _ => true,
        });
        // Answers that carry no body of their own (an unknown route, a wrong method) are problem details too.
        app.UseStatusCodePages(context => ProblemResults.ForStatus(context.HttpContext).ExecuteAsync(context.HttpContext));
        app.UseRequestTimeouts();
        app.MapLinXApi();
        app.MapDurableManagement();
        app.MapLinXHealth();
        app.MapOpenApi();
        app.MapLinXApiReference();
        // The inbox page only when SMS go to the inbox (not with LinX:Sms:Provider=Acs), and only in Development or when asked for.
        var inboxRegistered = app.Services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(DevSmsInbox));
        if (inboxRegistered && (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("LinX:DevSmsInbox")))
        {
            app.MapDevSmsInbox();
        }

        // Time travel only where it is on (LinX:DevTimeTravel, Development only): elsewhere its routes are unknown, 404.
        if (app.Services.GetRequiredService<IOptions<LinXOptions>>().Value.DevTimeTravel)
        {
            app.MapDevTimeTravel();
        }

        return app;
    }
}
