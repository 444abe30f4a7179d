using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LinX.Core.Templates;
using LinX.Core.Workflows;
using LinX.Infrastructure.Storage;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;

namespace LinX.Infrastructure.Tests.Storage;

/// <summary>Templates and their usage counters on real Azurite (ADR 0021).</summary>
[Collection(AzuriteGroup.Name)]
public sealed class TemplateStoreTests(AzuriteFixture azurite)
{
    private static readonly TableNames Names = new(AzuriteFixture.UniqueName("tpl"));

    [Fact]
    public async Task CreateAddVersionRead_TwoVersions_EachReadableAndNamesUniquePerBusiness()
    {
        var store = new TableTemplateStore(await StorageAsync());
        var v1 = Version(Guid.NewGuid(), Guid.NewGuid(), 1, "Payout-" + Guid.NewGuid().ToString("N")[..8]);
        var v2 = v1 with { TemplateVersionId = Guid.NewGuid(), Version = 2, CustomerMemo = "second" };

        var created = await store.CreateAsync(v1, CancellationToken.None);
        var sameName = await store.CreateAsync(Version(v1.BusinessId, Guid.NewGuid(), 1, v1.Name.ToUpperInvariant()), CancellationToken.None);
        var otherBusiness = await store.CreateAsync(Version(Guid.NewGuid(), Guid.NewGuid(), 1, v1.Name), CancellationToken.None);
        var added = await store.AddVersionAsync(v2, CancellationToken.None);
        var stale = await store.AddVersionAsync(v2 with { TemplateVersionId = Guid.NewGuid() }, CancellationToken.None);

        Assert.Equal((TemplateWriteOutcome.Written, TemplateWriteOutcome.Conflict, TemplateWriteOutcome.Written), (created, sameName, otherBusiness));
        Assert.Equal((TemplateWriteOutcome.Written, TemplateWriteOutcome.Conflict), (added, stale));
        Assert.Equal(("second", 2), ((await store.GetLatestAsync(v1.BusinessId, v1.TemplateId, CancellationToken.None))!.CustomerMemo, 2));
        Assert.Equal(v1.CustomerMemo, (await store.GetVersionAsync(v1.BusinessId, v1.TemplateId, v1.TemplateVersionId, CancellationToken.None))!.CustomerMemo);
        Assert.Equal([2, 1], (await store.ListVersionsAsync(v1.BusinessId, v1.TemplateId, CancellationToken.None)).Select(v => v.Version));
        Assert.Equal(v1.TemplateId, await store.FindByNameAsync(v1.BusinessId, v1.Name.ToLowerInvariant(), CancellationToken.None));
        Assert.Null(await store.GetLatestAsync(Guid.NewGuid(), v1.TemplateId, CancellationToken.None));
        Assert.Equal("DEBIT", (await store.GetLatestAsync(v1.BusinessId, v1.TemplateId, CancellationToken.None))!.Steps[1].PreDefined!["financialAccountSubType"]!.GetValue<string>());
    }

    [Fact]
    public async Task SetStateAndSearch_Deleted_HiddenUnlessAskedForAndStateOnEveryVersion()
    {
        var store = new TableTemplateStore(await StorageAsync());
        var businessId = Guid.NewGuid();
        var kept = Version(businessId, Guid.NewGuid(), 1, "kept");
        var gone = Version(businessId, Guid.NewGuid(), 1, "gone");
        await store.CreateAsync(kept, CancellationToken.None);
        await store.CreateAsync(gone, CancellationToken.None);

        await store.SetStateAsync(businessId, gone.TemplateId, TemplateState.Deleted, CancellationToken.None);
        var visible = await store.SearchAsync(businessId, null, null, TemplateSort.Default, 1, 10, CancellationToken.None);
        var deleted = await store.SearchAsync(businessId, "GON", TemplateState.Deleted, TemplateSort.Default, 1, 10, CancellationToken.None);

        Assert.Equal(["kept"], visible.Items.Select(t => t.Name));
        Assert.Equal(["gone"], deleted.Items.Select(t => t.Name));
        Assert.Equal(TemplateState.Deleted, (await store.GetVersionAsync(businessId, gone.TemplateId, gone.TemplateVersionId, CancellationToken.None))!.State);
        Assert.Equal(TemplateWriteOutcome.NotFound, await store.SetStateAsync(Guid.NewGuid(), gone.TemplateId, TemplateState.Active, CancellationToken.None));
    }

    [Fact]
    public async Task Counters_ConcurrentCreatesReplaysAndEnds_CountEachWorkflowOnce()
    {
        var storage = await StorageAsync();
        var workflows = new TableWorkflowStore(storage);
        var templates = new TableTemplateStore(storage);
        var businessId = Guid.NewGuid();
        var template = Version(businessId, Guid.NewGuid(), 1, "counted");
        var records = Enumerable.Range(0, 24).Select(i => Workflow(businessId, template, "key-" + i)).ToList();

        // Act: 24 creates at once, each twice (a retried request), then 5 end, each update applied twice (a re-run activity).
        await Task.WhenAll(records.Concat(records).Select(r => workflows.CreateAsync(r, CancellationToken.None)));
        foreach (var record in records.Take(5))
        {
            var ended = new WorkflowStatusUpdate(businessId, record.WorkflowId, 1, WorkflowStatus.Completed, 1, record.Steps, record.ExpireAt, null, DateTimeOffset.UtcNow, null, null, null, null, null, null);
            await workflows.ApplyAsync(ended, CancellationToken.None);
            await workflows.ApplyAsync(ended, CancellationToken.None);
        }

        var stats = await templates.GetStatsAsync(businessId, template.TemplateId, template.TemplateVersionId, CancellationToken.None);
        var otherVersion = await templates.GetStatsAsync(businessId, template.TemplateId, Guid.NewGuid(), CancellationToken.None);

        Assert.Equal((24, 19, 24, 19), (stats.AllVersionsWorkflows, stats.AllVersionsActiveWorkflows, stats.CurrentVersionWorkflows, stats.CurrentVersionActiveWorkflows));
        Assert.Equal(records.Max(r => r.CreatedAt), stats.CurrentVersionLastExecutedAt);
        Assert.Equal((24, 0, null), (otherVersion.AllVersionsWorkflows, otherVersion.CurrentVersionWorkflows, otherVersion.CurrentVersionLastExecutedAt));
        var stored = await Task.WhenAll(records.Select(r => workflows.GetAsync(businessId, r.WorkflowId, CancellationToken.None)));
        Assert.All(stored, Assert.NotNull);
    }

    private static TemplateVersion Version(Guid businessId, Guid templateId, int version, string name) => new()
    {
        TemplateId = templateId,
        TemplateVersionId = Guid.NewGuid(),
        Version = version,
        BusinessId = businessId,
        Name = name,
        DisplayName = name,
        CustomerMemo = "first",
        DefaultExpiryDays = 2,
        Steps = [new(StepNames.Notification) { PreDefined = new JsonObject { ["channel"] = "SMS" } }, new(StepNames.FinancialAccount) { PreDefined = new JsonObject { ["financialAccountSubType"] = "DEBIT" } }],
        State = TemplateState.Active,
        CreatedAt = DateTimeOffset.UnixEpoch,
        VersionCreatedAt = DateTimeOffset.UnixEpoch,
    };

    private static WorkflowRecord Workflow(Guid businessId, TemplateVersion template, string key)
    {
        var plan = new WorkflowPlan("t", TimeSpan.FromDays(1), false, null, [new NotificationStep("SMS", "+16471234567", null), new CustomerAccountStep()])
        {
            Template = TemplateReference.Of(template),
        };
        var now = DateTimeOffset.UtcNow;
        return new WorkflowRecord
        {
            WorkflowId = Guid.NewGuid(),
            BusinessId = businessId,
            Title = "t",
            Plan = plan,
            Status = WorkflowStatus.Created,
            CurrentStep = 0,
            Steps = [new StepState(StepNames.Notification, StepStatus.Created), new StepState(StepNames.CustomerAccount, StepStatus.Created)],
            CreatedAt = now,
            ExpireAt = now.AddDays(1),
            EncryptedPhoneNumber = "x",
            MaskedPhoneNumber = "+1647***4567",
            LinkTokenHash = Guid.NewGuid().ToString("N"),
            IdempotencyKeyHash = key + businessId.ToString("N"),
            RequestHash = "h",
            TemplateId = template.TemplateId,
            TemplateVersionId = template.TemplateVersionId,
        };
    }

    private async Task<TableStorage> StorageAsync()
    {
        var storage = new TableStorage(new TableServiceClient(azurite.ConnectionString), Names);
        await storage.CreateTablesAsync(CancellationToken.None);
        return storage;
    }
}
