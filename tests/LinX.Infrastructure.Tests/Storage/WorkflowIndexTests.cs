using LinX.Core.Security;
using LinX.Core.Workflows;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Storage;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;

namespace LinX.Infrastructure.Tests.Storage;

/// <summary>The workflows' search index (ADR 0023) on Azurite: filters, order, pages, status moves, terms, tenants.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class WorkflowIndexTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Search_ByStatusAndPhone_NewestOrOldestFirst()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var a = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var b = await TestPlans.CreateAsync(host, TestPlans.NewCard());
        var store = host.Get<IWorkflowStore>();
        var phone = WorkflowSearchTerms.OfPhone(host.Get<LinXCrypto>(), TestPlans.Phone);

        var created = await store.SearchAsync(DemoData.BusinessId, Search(status: WorkflowStatus.Created), CancellationToken.None);
        var oldestFirst = await store.SearchAsync(DemoData.BusinessId, Search(ascending: true), CancellationToken.None);
        var byPhone = await store.SearchAsync(DemoData.BusinessId, Search(terms: phone), CancellationToken.None);
        var active = await store.SearchAsync(DemoData.BusinessId, Search(status: WorkflowStatus.Active), CancellationToken.None);
        var otherBusiness = await store.SearchAsync(Guid.NewGuid(), Search(terms: phone), CancellationToken.None);

        Assert.Equal([b.WorkflowId, a.WorkflowId], created.Content.Select(w => w.WorkflowId));
        Assert.Equal([a.WorkflowId, b.WorkflowId], oldestFirst.Content.Select(w => w.WorkflowId));
        Assert.Equal([b.WorkflowId, a.WorkflowId], byPhone.Content.Select(w => w.WorkflowId));
        Assert.Equal((2, 1, false, true), (byPhone.TotalElements, byPhone.TotalPages, byPhone.HasNext, byPhone.TotalElementsExact));
        Assert.Empty(active.Content);
        Assert.Empty(otherBusiness.Content);
    }

    [Fact]
    public async Task Apply_NewStatusAndCustomerTerms_MovesTheWorkflowInTheIndex()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        var store = host.Get<IWorkflowStore>();
        var crypto = host.Get<LinXCrypto>();
        var name = WorkflowSearchTerms.OfSearch(crypto, "Roe", "CA");
        var steps = new[] { new StepState(StepNames.Notification, StepStatus.Completed), new StepState(StepNames.CustomerAccount, StepStatus.Active) };

        await store.ApplyAsync(
            new WorkflowStatusUpdate(DemoData.BusinessId, created.WorkflowId, 1, WorkflowStatus.Active, 1, steps, created.ExpireAt, null, null, null, null, null, null, null, null)
            {
                AddedSearchTerms = name,
            },
            CancellationToken.None);

        Assert.Empty((await store.SearchAsync(DemoData.BusinessId, Search(status: WorkflowStatus.Created), CancellationToken.None)).Content);
        var active = await store.SearchAsync(DemoData.BusinessId, Search(status: WorkflowStatus.Active), CancellationToken.None);
        var byName = await store.SearchAsync(DemoData.BusinessId, Search(terms: name, status: WorkflowStatus.Active), CancellationToken.None);
        var byNameCreated = await store.SearchAsync(DemoData.BusinessId, Search(terms: name, status: WorkflowStatus.Created), CancellationToken.None);
        Assert.Equal([created.WorkflowId], active.Content.Select(w => w.WorkflowId));
        Assert.Equal([created.WorkflowId], byName.Content.Select(w => w.WorkflowId));
        Assert.Empty(byNameCreated.Content);
        Assert.Equal(2, (await store.GetAsync(DemoData.BusinessId, created.WorkflowId, CancellationToken.None))!.SearchTerms.Count); // phone, name
    }

    [Fact]
    public async Task Search_SecondPage_ReadsInFullOnlyThatPagesRows()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            created.Add((await TestPlans.CreateAsync(host, i % 2 == 0 ? TestPlans.NewCustomer() : TestPlans.NewCard())).WorkflowId);
            host.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var newestFirst = created.AsEnumerable().Reverse().ToList();
        var reads = new TableReadCounter(nameof(TableWorkflowStore.WorkflowEntity.PlanJson));
        var store = new TableWorkflowStore(new TableStorage(reads.Client(azurite.ConnectionString), host.Tables.Names));

        var second = await store.SearchAsync(DemoData.BusinessId, Search(page: 2, size: 5), CancellationToken.None);
        var fullRowsForSecond = reads.ReadWithColumn;
        reads.Reset();
        var beyond = await store.SearchAsync(DemoData.BusinessId, Search(page: 4, size: 5), CancellationToken.None);

        Assert.Equal(newestFirst.Skip(5).Take(5), second.Content.Select(w => w.WorkflowId));
        Assert.Equal((12, 3, 2, true), (second.TotalElements, second.TotalPages, second.Number, second.HasNext));
        Assert.Equal(5, fullRowsForSecond);
        Assert.Empty(beyond.Content);
        Assert.Equal((12, false), (beyond.TotalElements, beyond.HasNext));
        Assert.Equal(0, reads.ReadWithColumn);
    }

    [Fact]
    public async Task Search_ByWorkflowId_IsOnePointReadAndTenantScoped()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        var store = host.Get<IWorkflowStore>();

        var found = await store.SearchAsync(DemoData.BusinessId, Search(id: created.WorkflowId), CancellationToken.None);
        var wrongStatus = await store.SearchAsync(DemoData.BusinessId, Search(id: created.WorkflowId, status: WorkflowStatus.Active), CancellationToken.None);
        var otherBusiness = await store.SearchAsync(Guid.NewGuid(), Search(id: created.WorkflowId), CancellationToken.None);

        Assert.Equal([created.WorkflowId], found.Content.Select(w => w.WorkflowId));
        Assert.Empty(wrongStatus.Content);
        Assert.Empty(otherBusiness.Content);
    }

    private static WorkflowSearch Search(
        IReadOnlyList<string>? terms = null, Guid? id = null, WorkflowStatus? status = null, bool ascending = false, int page = 1, int size = 10) =>
        new(terms ?? [], id, status, null, ascending, page, size);
}
