using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LinX.Core.Webhooks;
using LinX.Testing;

namespace LinX.Local.Tests.Webhooks;

/// <summary>
/// Webhooks end to end: the real local host posts to a real receiver on loopback. Each test uses its own receiver
/// path and subscription, and filters what it received by its own workflow.
/// </summary>
[Collection(LocalHostTests.Name)]
public sealed class WebhookDeliveryTests(LocalHostFixture host) : IAsyncLifetime
{
    private const string Phone = "+16471234567";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    private readonly CustomerScript _customer = new(host);
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task SeedExample_CompletedByCustomer_DeliversEveryEventOnceInOrderSigned()
    {
        // Arrange: a subscription to every event type on the demo business (seed 3 uses its accounts).
        var (subscriptionId, secret) = await SubscribeAsync(host.Business, _receiver.Url("all"), WebhookEventTypes.All);

        // Act: seed 3 (customer account, card, push-to-card) completed by the customer.
        var workflowId = await RunSeedAsync(host.Business, 3, ["customer-account", "financial-account", "move-money"]);
        var received = await Poll.UntilAsync(
            () => Task.FromResult<IReadOnlyList<ReceivedWebhook>?>(Of(_receiver.For("all"), workflowId)),
            list => list.Any(r => r.Type == WebhookEventTypes.WorkflowCompleted),
            Deadline,
            "the workflow-completed webhook");
        var log = await Poll.UntilAsync(
            async () => (await DeliveriesAsync(host.Business, subscriptionId)).Where(d => d.GetProperty("workflowId").GetString() == workflowId).ToList(),
            list => list.Count > 0 && list.All(d => d.GetProperty("status").GetString() == "DELIVERED"),
            Deadline,
            "every delivery to be DELIVERED");
        received = Of(_receiver.For("all"), workflowId);
        await DeleteAsync(host.Business, subscriptionId);

        // Assert: every event type, each event once, in the workflow's order, each with a valid signature.
        // Every type but the lock's: a completed workflow never locked (PasscodeLockTests covers it).
        Assert.Equal(WebhookEventTypes.All.Except([WebhookEventTypes.WorkflowLocked, WebhookEventTypes.PaymentAttemptFailed]).Order(), received.Select(r => r.Type).Distinct().Order());
        Assert.Equal(received.Count, received.Select(r => r.EventId).Distinct().Count());
        Assert.Equal(log.Select(d => d.GetProperty("eventId").GetString()).Reverse(), received.Select(r => r.EventId));
        Assert.All(received, r => Assert.True(WebhookSignature.Verify(secret, r.Signature, r.Body, WebhookSignature.DefaultTolerance, DateTimeOffset.UtcNow)));
        var versions = received.Where(r => r.Type == WebhookEventTypes.WorkflowUpdated).Select(r => r.Data.GetProperty("version").GetInt64()).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(WebhookEventTypes.WorkflowCompleted, received[^1].Type);
        Assert.Equal("COMPLETED", received.Last(r => r.Type == WebhookEventTypes.WorkflowUpdated).Data.GetProperty("status").GetString());
        Assert.Equal(1, log.Max(d => d.GetProperty("attemptCount").GetInt32()));
    }

    [Fact]
    public async Task Receiver_TamperedBody_FailsVerification()
    {
        // Arrange
        var (business, client) = await host.CreateBusinessAsync("Tamper Test");
        var (_, secret) = await SubscribeAsync(client, _receiver.Url("tamper"), [WebhookEventTypes.WorkflowCompleted]);

        // Act
        var workflowId = await RunSeedAsync(client, 1, ["customer-account"]);
        var received = await WaitForAsync("tamper", workflowId, list => list.Count > 0);
        var original = received[0];
        var tampered = original.Body.Replace("COMPLETED", "DECLINED", StringComparison.Ordinal);

        // Assert
        Assert.NotEqual(Guid.Empty, business.BusinessId);
        Assert.True(WebhookSignature.Verify(secret, original.Signature, original.Body, WebhookSignature.DefaultTolerance, DateTimeOffset.UtcNow));
        Assert.False(WebhookSignature.Verify(secret, original.Signature, tampered, WebhookSignature.DefaultTolerance, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task RotatedSecret_EventsSignedWithTheNewAndTheOldSecret_DuringTheOverlap()
    {
        // Arrange
        var (_, client) = await host.CreateBusinessAsync("Rotation Test");
        var (subscriptionId, oldSecret) = await SubscribeAsync(client, _receiver.Url("rotate"), [WebhookEventTypes.WorkflowCompleted]);
        using var rotated = await client.PostAsync($"/api/linx/webhook-subscriptions/{subscriptionId}/rotate-secret", null);
        var rotation = await rotated.Content.ReadFromJsonAsync<JsonElement>();
        var newSecret = rotation.GetProperty("secret").GetString()!;

        // Act
        var workflowId = await RunSeedAsync(client, 1, ["customer-account"]);
        var received = (await WaitForAsync("rotate", workflowId, list => list.Count > 0))[0];

        // Assert: a receiver still on the old secret and one already on the new both accept; no other secret does.
        var overlapEnds = rotation.GetProperty("previousSecretExpiresAt").GetDateTimeOffset();
        Assert.InRange(overlapEnds - DateTimeOffset.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
        Assert.True(WebhookSignature.Verify(newSecret, received.Signature, received.Body, WebhookSignature.DefaultTolerance, DateTimeOffset.UtcNow));
        Assert.True(WebhookSignature.Verify(oldSecret, received.Signature, received.Body, WebhookSignature.DefaultTolerance, DateTimeOffset.UtcNow));
        Assert.False(WebhookSignature.Verify(WebhookSignature.NewSecret(), received.Signature, received.Body, WebhookSignature.DefaultTolerance, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Receiver_FailsTwiceWith503_GetsTheEventOnTheThirdAttempt()
    {
        // Arrange: 503, 503, then 200 for each event.
        var (_, client) = await host.CreateBusinessAsync("Retry Test");
        var (subscriptionId, _) = await SubscribeAsync(client, _receiver.Url("flaky", before => before < 2 ? 503 : 200), [WebhookEventTypes.WorkflowCompleted]);

        // Act
        var workflowId = await RunSeedAsync(client, 1, ["customer-account"]);
        var received = await WaitForAsync("flaky", workflowId, list => list.Any(r => r.AnsweredWith == 200));
        var delivery = await WaitForDeliveryAsync(client, subscriptionId, "DELIVERED");

        // Assert: three attempts of the same event, and the log shows them.
        Assert.Equal([503, 503, 200], received.Select(r => r.AnsweredWith));
        Assert.Single(received.Select(r => r.EventId).Distinct());
        Assert.Equal([503, 503, 200], delivery.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.All(delivery.GetProperty("attempts").EnumerateArray(), a => Assert.True(a.GetProperty("latencyMs").GetInt64() >= 0));
    }

    [Fact]
    public async Task Receiver_Answers400_IsNotRetriedAndCanBeRedelivered()
    {
        // Arrange
        var (_, client) = await host.CreateBusinessAsync("Permanent Failure Test");
        var (subscriptionId, secret) = await SubscribeAsync(client, _receiver.Url("bad", _ => 400), [WebhookEventTypes.WorkflowCompleted]);
        var workflowId = await RunSeedAsync(client, 1, ["customer-account"]);

        // Act: the first attempt fails for good; then the receiver is fixed and the event redelivered.
        var failed = await WaitForDeliveryAsync(client, subscriptionId, "FAILED");
        var receivedBefore = Of(_receiver.For("bad"), workflowId);
        _receiver.Script("bad", _ => 200);
        var eventId = failed.GetProperty("eventId").GetString();
        using var redeliver = await client.PostAsync($"/api/linx/webhook-subscriptions/{subscriptionId}/deliveries/{eventId}/redeliver", null);
        var delivered = await WaitForDeliveryAsync(client, subscriptionId, "DELIVERED");
        var receivedAfter = Of(_receiver.For("bad"), workflowId);

        // Assert: one attempt (400, no retry); the redelivery is the same event with a valid new signature.
        Assert.Single(receivedBefore);
        Assert.Equal([400], failed.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        Assert.Equal(2, receivedAfter.Count);
        Assert.Equal(receivedAfter[0].Body, receivedAfter[1].Body);
        Assert.True(WebhookSignature.Verify(secret, receivedAfter[1].Signature, receivedAfter[1].Body, WebhookSignature.DefaultTolerance, DateTimeOffset.UtcNow));
        Assert.Equal([400, 200], delivered.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
    }

    [Fact]
    public async Task SuspendedSubscription_WorkflowCompletes_ReceivesNothing()
    {
        // Arrange: two subscriptions of one business; one is suspended. The active one tells when events went out.
        var (_, client) = await host.CreateBusinessAsync("Suspend Test");
        var (suspendedId, _) = await SubscribeAsync(client, _receiver.Url("suspended"), WebhookEventTypes.All);
        await SubscribeAsync(client, _receiver.Url("control"), WebhookEventTypes.All);
        using var suspend = await client.PostAsync($"/api/linx/webhook-subscriptions/{suspendedId}/suspend", null);

        // Act
        var workflowId = await RunSeedAsync(client, 1, ["customer-account"]);
        await WaitForAsync("control", workflowId, list => list.Any(r => r.Type == WebhookEventTypes.WorkflowCompleted));

        // Assert
        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        Assert.Equal("SUSPENDED", (await suspend.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Empty(_receiver.For("suspended"));
        Assert.Empty(await DeliveriesAsync(client, suspendedId));
    }

    private async Task<string> RunSeedAsync(HttpClient client, int seed, string[] steps)
    {
        var (response, created) = await CustomerScript.PostWorkflowAsync(client, CustomerScript.Seed(seed), $"webhooks-{Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var workflowId = created.GetProperty("workflowId").GetString()!;
        var token = await _customer.TokenFromSmsAsync(Phone, host.LinkOf(created));
        await _customer.CompleteAsync(token, steps);
        await CustomerScript.WaitForStatusAsync(client, workflowId, "COMPLETED");
        return workflowId;
    }

    private async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(string path, string workflowId, Func<IReadOnlyList<ReceivedWebhook>, bool> done) =>
        await Poll.UntilAsync(
            () => Task.FromResult<IReadOnlyList<ReceivedWebhook>?>(Of(_receiver.For(path), workflowId)), list => done(list), Deadline, $"webhooks at {path}");

    private static async Task<JsonElement> WaitForDeliveryAsync(HttpClient client, string subscriptionId, string status) =>
        await Poll.UntilAsync<JsonElement?>(
            async () => (await DeliveriesAsync(client, subscriptionId)).FirstOrDefault(),
            d => d is { ValueKind: JsonValueKind.Object } e && e.GetProperty("status").GetString() == status,
            Deadline,
            $"a delivery to be {status}") ?? default;

    private static List<ReceivedWebhook> Of(IReadOnlyList<ReceivedWebhook> received, string workflowId) =>
        [.. received.Where(r => r.Data.TryGetProperty("workflowId", out var id) && id.GetString() == workflowId)];

    internal static async Task<(string Id, string Secret)> SubscribeAsync(HttpClient client, string url, IEnumerable<string> types)
    {
        using var response = await client.PostAsJsonAsync("/api/linx/webhook-subscriptions", new { url, eventTypes = types, description = "test receiver" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetString()!, body.GetProperty("secret").GetString()!);
    }

    internal static async Task<JsonElement[]> DeliveriesAsync(HttpClient client, string subscriptionId) =>
        await client.GetFromJsonAsync<JsonElement[]>($"/api/linx/webhook-subscriptions/{subscriptionId}/deliveries") ?? [];

    private static async Task DeleteAsync(HttpClient client, string subscriptionId)
    {
        using var response = await client.DeleteAsync($"/api/linx/webhook-subscriptions/{subscriptionId}");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
