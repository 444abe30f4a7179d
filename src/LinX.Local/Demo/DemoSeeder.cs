using LinX.Core.Businesses;
using LinX.Infrastructure.Demo;
using Microsoft.Extensions.Options;

namespace LinX.Local.Demo;

/// <summary>
/// Seeds the demo business, customer and accounts (idempotent) and registers the demo API key, then prints
/// the key once to the console: it is the developer's credential, so it never goes through the logger.
/// </summary>
public sealed class DemoSeeder(IServiceProvider services, IOptions<DemoOptions> options) : IHostedService
{
    /// <summary>The key registered at start (for tests that host the app in-process).</summary>
    public string? ApiKey { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Seed)
        {
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

            """);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
