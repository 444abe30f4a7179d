using System.Text.Json.Nodes;
using LinX.Core.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Local.Tests.Batches;

/// <summary>The template the batch tests use: "notification (SMS) then customer-account", stored for one business.</summary>
internal static class BatchTemplate
{
    public static async Task<TemplateVersion> SeedAsync(LocalHostFixture host, Guid businessId)
    {
        var now = DateTimeOffset.UtcNow;
        var template = new TemplateVersion
        {
            TemplateId = Guid.NewGuid(),
            TemplateVersionId = Guid.NewGuid(),
            Version = 1,
            BusinessId = businessId,
            Name = "open-account-" + Guid.NewGuid().ToString("N")[..8],
            DisplayName = "Open an account",
            Steps = [new TemplateStep("notification") { PreDefined = new JsonObject { ["channel"] = "SMS" } }, new TemplateStep("customer-account")],
            State = TemplateState.Active,
            CreatedAt = now,
            VersionCreatedAt = now,
        };
        Assert.Equal(TemplateWriteOutcome.Written, await host.Services.GetRequiredService<ITemplateStore>().CreateAsync(template, CancellationToken.None));
        return template;
    }
}
