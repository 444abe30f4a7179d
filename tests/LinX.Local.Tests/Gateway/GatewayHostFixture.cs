using Microsoft.Extensions.DependencyInjection;

namespace LinX.Local.Tests.Gateway;

/// <summary>
/// The real local host for the browser tests, as <see cref="LocalHostFixture"/> with one difference: its
/// <see cref="TimeProvider"/> is an <see cref="AdjustableClock"/>. Every LinX service and the durable runtime take
/// the clock from DI, so moving it is how a test reaches an expiry.
/// </summary>
public sealed class GatewayHostFixture : LocalHostFixture
{
    public AdjustableClock Clock { get; } = new();

    // Registered before LinX's own TryAddSingleton(TimeProvider.System), so every service gets this clock.
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
