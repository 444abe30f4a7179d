using LinX.Core.Notifications;
using LinX.Infrastructure.Sms;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Local.Tests;

/// <summary>The local host's SMS provider: the dev inbox and its page by default, ACS (and no inbox page) when configured.</summary>
public sealed class LocalSmsProviderTests
{
    private const string InboxPage = "/dev/sms";

    [Fact]
    public async Task Create_NoProviderSetting_SendsToTheDevInboxAndServesItsPage()
    {
        await using var app = LinxLocalApplication.Create([], builder => builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { ["LinX:DevSmsInbox"] = "true" }));

        Assert.IsType<DevSmsInbox>(app.Services.GetRequiredService<ISmsSender>());
        Assert.Contains(InboxPage, RoutesOf(app));
    }

    [Fact]
    public async Task Create_AcsProvider_SendsThroughAcsAndServesNoInboxPage()
    {
        await using var app = LinxLocalApplication.Create([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LinX:DevSmsInbox"] = "true",
            ["LinX:Sms:Provider"] = "Acs",
            ["LinX:Sms:Acs:Endpoint"] = "https://acs-linx-local.communication.azure.com",
            ["LinX:Sms:Acs:From"] = "+18005550100",
        }));

        Assert.IsType<AcsSmsSender>(app.Services.GetRequiredService<ISmsSender>());
        Assert.DoesNotContain(InboxPage, RoutesOf(app));
    }

    private static List<string> RoutesOf(IEndpointRouteBuilder app) =>
        [.. app.DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>().Select(endpoint => "/" + endpoint.RoutePattern.RawText?.TrimStart('/'))];
}
