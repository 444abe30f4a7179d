using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using LinX.Core.Webhooks;
using LinX.Infrastructure.Storage;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;

namespace LinX.Infrastructure.Tests.Storage;

/// <summary>
/// The webhook delivery log on Azurite, through a client that counts the rows each read brings back: the
/// dispatcher's and the API's reads must cost what they return, not the size of the subscription's log.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class WebhookDeliveryStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly Guid _subscription = Guid.NewGuid();
    private readonly TableNames _names = new(AzuriteFixture.UniqueName("w"));

    [Fact]
    public async Task ListPending_AfterSomeAreDeliveredOrFailed_ReturnsTheRestOfThatWorkflowInOrder_ReadingNothingElse()
    {
        var (store, rows) = await StoreAsync();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var ofA = await AddAsync(store, a, sequences: [35, 17, 16, 33, 18]);
        var ofB = await AddAsync(store, b, sequences: [16, 17]);
        await store.RecordAsync(_subscription, ofA[16], Attempt(200), WebhookDeliveryState.Delivered, CancellationToken.None);
        await store.RecordAsync(_subscription, ofA[33], Attempt(400), WebhookDeliveryState.Failed, CancellationToken.None);
        await store.RecordAsync(_subscription, ofA[18], Attempt(503), WebhookDeliveryState.Pending, CancellationToken.None);
        await store.RecordAsync(_subscription, ofB[16], Attempt(200), WebhookDeliveryState.Delivered, CancellationToken.None);

        rows.Reset();
        var pendingOfA = await store.ListPendingAsync(_subscription, a, CancellationToken.None);
        var readForA = rows.Read;
        var pendingOfAll = await store.ListPendingAsync(_subscription, null, CancellationToken.None);

        Assert.Equal([ofA[17], ofA[18], ofA[35]], pendingOfA.Select(p => p.EventId));
        Assert.Equal([17L, 18L, 35L], pendingOfA.Select(p => p.Sequence));
        Assert.All(pendingOfA, p => Assert.Equal(a, p.WorkflowId));
        Assert.Equal(3, readForA);
        Assert.Equal(new[] { ofA[17], ofA[18], ofA[35], ofB[17] }.Order(), pendingOfAll.Select(p => p.EventId).Order());
    }

    [Fact]
    public async Task Redeliver_DeliveredEvent_IsPendingAgainUntilDeliveredAgain()
    {
        var (store, _) = await StoreAsync();
        var (workflow, events) = await AddOneDeliveredAsync(store);

        var afterDelivery = await store.ListPendingAsync(_subscription, workflow, CancellationToken.None);
        await store.RecordAsync(_subscription, events[16], null, WebhookDeliveryState.Pending, CancellationToken.None);
        var afterRedeliver = await store.ListPendingAsync(_subscription, workflow, CancellationToken.None);
        await store.RecordAsync(_subscription, events[16], Attempt(200), WebhookDeliveryState.Delivered, CancellationToken.None);
        var afterSecondDelivery = await store.ListPendingAsync(_subscription, workflow, CancellationToken.None);

        Assert.Empty(afterDelivery);
        Assert.Equal([events[16]], afterRedeliver.Select(p => p.EventId));
        Assert.Empty(afterSecondDelivery);
        var stored = (await store.GetAsync(_subscription, events[16], CancellationToken.None))!;
        Assert.Equal(WebhookDeliveryState.Delivered, stored.State);
        Assert.Equal(2, stored.Attempts.Count);
    }

    [Fact]
    public async Task List_LongLog_ReturnsTheNewestFirstWithTheirAttempts_ReadingOnlyThose()
    {
        var (store, rows) = await StoreAsync();
        var workflow = Guid.NewGuid();
        var events = await AddAsync(store, workflow, sequences: [.. Enumerable.Range(16, 30).Select(i => (long)i)]);
        var attempt = Attempt(503);
        await store.RecordAsync(_subscription, events[45], attempt, WebhookDeliveryState.Pending, CancellationToken.None);
        await store.RecordAsync(_subscription, events[45], attempt, WebhookDeliveryState.Pending, CancellationToken.None);

        rows.Reset();
        var newest = await store.ListAsync(_subscription, 5, CancellationToken.None);

        Assert.Equal([45L, 44L, 43L, 42L, 41L], newest.Select(d => d.Sequence));
        Assert.Equal([events[45], events[44], events[43], events[42], events[41]], newest.Select(d => d.EventId));
        Assert.Equal([attempt], newest[0].Attempts);
        Assert.All(newest, d => Assert.Equal(workflow, d.WorkflowId));
        Assert.Equal(5, rows.Read);
        Assert.Equal(Body(events[45]), (await store.GetAsync(_subscription, events[45], CancellationToken.None))!.Body);
    }

    [Fact]
    public async Task AddIfAbsent_SameEventAgainLaterAfterItWasDelivered_ChangesNothing()
    {
        var (store, _) = await StoreAsync();
        var (workflow, events) = await AddOneDeliveredAsync(store);

        await store.AddIfAbsentAsync(Delivery(workflow, events[16], 16) with { CreatedAt = Start.AddDays(1) }, CancellationToken.None);

        Assert.Empty(await store.ListPendingAsync(_subscription, workflow, CancellationToken.None));
        var listed = Assert.Single(await store.ListAsync(_subscription, 10, CancellationToken.None));
        Assert.Equal(WebhookDeliveryState.Delivered, listed.State);
        Assert.NotNull(listed.DeliveredAt);
    }

    [Fact]
    public async Task Record_RowChangedBetweenItsReadAndWrite_ReadsAgainAndKeepsBothChanges()
    {
        var (store, _) = await StoreAsync();
        var workflow = Guid.NewGuid();
        var events = await AddAsync(store, workflow, sequences: [16]);
        var (first, second) = (Attempt(503), Attempt(200));
        var interrupted = new TableStorage(new InterruptFirstBatch(() => store.RecordAsync(_subscription, events[16], first, WebhookDeliveryState.Pending, CancellationToken.None)).Client(azurite.ConnectionString), _names);

        await new TableWebhookDeliveryStore(interrupted).RecordAsync(_subscription, events[16], second, WebhookDeliveryState.Delivered, CancellationToken.None);

        var stored = (await store.GetAsync(_subscription, events[16], CancellationToken.None))!;
        Assert.Equal(WebhookDeliveryState.Delivered, stored.State);
        Assert.Equal([first, second], stored.Attempts);
        Assert.Empty(await store.ListPendingAsync(_subscription, workflow, CancellationToken.None));
        var listed = Assert.Single(await store.ListAsync(_subscription, 10, CancellationToken.None));
        Assert.Equal([first, second], listed.Attempts);
        Assert.Equal(WebhookDeliveryState.Delivered, listed.State);
    }

    private async Task<(TableWebhookDeliveryStore Store, TableReadCounter Rows)> StoreAsync()
    {
        var rows = new TableReadCounter();
        var storage = new TableStorage(rows.Client(azurite.ConnectionString), _names);
        await storage.WebhookDeliveries.CreateIfNotExistsAsync();
        return (new TableWebhookDeliveryStore(storage), rows);
    }

    /// <summary>Adds one pending delivery per sequence (in the order given, at sequence minutes); event ids by sequence.</summary>
    private async Task<Dictionary<long, Guid>> AddAsync(TableWebhookDeliveryStore store, Guid workflowId, long[] sequences)
    {
        var events = new Dictionary<long, Guid>();
        foreach (var sequence in sequences)
        {
            events[sequence] = Guid.NewGuid();
            await store.AddIfAbsentAsync(Delivery(workflowId, events[sequence], sequence), CancellationToken.None);
        }

        return events;
    }

    /// <summary>One event (sequence 16) of a new workflow, delivered at the first attempt.</summary>
    private async Task<(Guid WorkflowId, Dictionary<long, Guid> Events)> AddOneDeliveredAsync(TableWebhookDeliveryStore store)
    {
        var workflow = Guid.NewGuid();
        var events = await AddAsync(store, workflow, sequences: [16]);
        await store.RecordAsync(_subscription, events[16], Attempt(200), WebhookDeliveryState.Delivered, CancellationToken.None);
        return (workflow, events);
    }

    private WebhookDelivery Delivery(Guid workflowId, Guid eventId, long sequence) => new()
    {
        SubscriptionId = _subscription,
        EventId = eventId,
        BusinessId = Guid.NewGuid(),
        WorkflowId = workflowId,
        Sequence = sequence,
        EventType = WebhookEventTypes.WorkflowUpdated,
        CreatedAt = Start.AddMinutes(sequence).AddTicks(1234),
        Body = Body(eventId),
        State = WebhookDeliveryState.Pending,
    };

    private static string Body(Guid eventId) => $$"""{"id":"{{eventId}}"}""";

    private static WebhookAttempt Attempt(int status) => new(Guid.NewGuid(), Start.AddHours(1), status, 12, null);

    /// <summary>Runs a concurrent change just before the first batch this client sends (as another host would).</summary>
    private sealed class InterruptFirstBatch(Func<Task> change) : HttpPipelinePolicy
    {
        private Func<Task>? _change = change;

        public TableServiceClient Client(string connectionString) => TableClients.With(connectionString, this, HttpPipelinePosition.PerCall);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The store is asynchronous.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && Interlocked.Exchange(ref _change, null) is { } change)
            {
                await change();
            }

            await ProcessNextAsync(message, pipeline);
        }
    }
}
