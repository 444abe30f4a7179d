using LinX.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LinX.Local.Tests.Dev;

/// <summary>
/// The real local host as <c>dotnet run</c> starts it for time travel: in Development with <c>LinX:DevTimeTravel</c> on,
/// otherwise as <see cref="LocalHostFixture"/> (whose in-process host runs in the test's Production environment).
/// </summary>
public sealed class TimeTravelHostFixture : LocalHostFixture
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        // The builder's environment objects (the generic host's and the web host's) are registered as they are: naming them
        // Development here is what the host sees everywhere (app.Environment included), as when ASPNETCORE_ENVIRONMENT says so.
        var environments = services.Select(d => d.ImplementationInstance).OfType<IHostEnvironment>().ToList();
        Assert.Contains(environments, e => e is IWebHostEnvironment);
        environments.ForEach(e => e.EnvironmentName = Environments.Development);
        services.Configure<LinXOptions>(options => options.DevTimeTravel = true);
    }
}

[CollectionDefinition(Name)]
public sealed class TimeTravelHostTests : ICollectionFixture<TimeTravelHostFixture>
{
    public const string Name = "TimeTravelHost";
}
