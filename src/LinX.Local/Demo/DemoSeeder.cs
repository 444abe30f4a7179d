using LinX.Core.Admin;
using LinX.Core.Businesses;
using LinX.Infrastructure.Demo;
using LinX.Local.Admin;
using Microsoft.Extensions.Options;

namespace LinX.Local.Demo;

/// <summary>
/// Seeds the demo business, customer and accounts (idempotent) and makes the demo API key its only working one, then
/// prints the key, and the admin key (<see cref="LocalAdminKey"/>), once to the console: they are the developer's
/// credentials, so they never go through the logger.
/// </summary>
public sealed class DemoSeeder(IServiceProvider services, IOptions<DemoOptions> options, IOptions<AdminOptions> admin, LocalAdminKey adminKey) : IHostedService
{
    /// <summary>The key registered at start (for tests that host the app in-process).</summary>
    public string? ApiKey { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var adminLine = adminKey.Describe(admin.Value);
        if (!options.Value.Seed)
        {
            Console.WriteLine($"""

                LinX admin key: {adminLine}

                """);
            return;
        }

        var configured = options.Value.ApiKey;
        ApiKey = string.IsNullOrWhiteSpace(configured) ? ApiKeyAuthenticator.NewApiKey() : configured;
        await DemoData.SeedAsync(services, ApiKey, cancellationToken);
        Console.WriteLine($"""

            LinX demo business "{DemoData.BusinessName}" is ready.
              API key:          {(string.IsNullOrWhiteSpace(configured) ? ApiKey : "(from configuration LinX:Demo:ApiKey)")}
              Customer:         {DemoData.CustomerId} (financial account {DemoData.CustomerFinancialAccountId})
              Business account: {DemoData.BusinessFinancialAccountId}
              Admin key:        {adminLine} (docs/admin.md)

            """);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
