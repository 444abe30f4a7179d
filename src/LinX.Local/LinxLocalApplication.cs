using LinX.Api;
using LinX.Api.Problems;
using LinX.Infrastructure.Sms;
using LinX.Local.Dev;
using LinX.Local.Durable;
using LinX.Local.Health;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace LinX.Local;

/// <summary>Builds the local host: used by <c>Program</c> and by end-to-end tests that host it in-process.</summary>
public static class LinxLocalApplication
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
        configure?.Invoke(builder);
        builder.Services.AddLinXLocal(builder.Configuration);

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
        // The inbox page only when SMS go to the inbox (not with LinX:Sms:Provider=Acs), and only in Development or when asked for.
        var inboxRegistered = app.Services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(DevSmsInbox));
        if (inboxRegistered && (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("LinX:DevSmsInbox")))
        {
            app.MapDevSmsInbox();
        }

        return app;
    }
}
