using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using LinX.Core.Common;
using LinX.Local.Durable;
using LinX.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LinX.Local.Tests.Security;

/// <summary>
/// Security issue 19, finding 9, on the real engine: after seed examples completed through the Gateway API with a
/// profile and a card, the task hub's History and Instances tables, its queues and the Durable status API hold nothing
/// the customer submitted of themselves, nor the masked display data made of it (ADR 0011).
/// </summary>
[Collection(LocalHostTests.Name)]
public sealed class HistoryPersonalDataTests(LocalHostFixture host)
{
    private static readonly object Profile = new
    {
        firstName = DistinctivePersonalData.FirstName,
        lastName = DistinctivePersonalData.LastName,
        email = DistinctivePersonalData.Email,
        dateOfBirth = DistinctivePersonalData.DateOfBirth,
        address = new { streetLine1 = DistinctivePersonalData.StreetLine, city = DistinctivePersonalData.City, stateCode = "ON", postalCode = "M5V 2T6", countryCode = "CA" },
    };

    private static readonly object Card = new
    {
        cardNumber = "4111111111111111", expiry = "2031-08", nameOnCard = DistinctivePersonalData.NameOnCard, cvc = DistinctivePersonalData.Cvc,
        postalCode = DistinctivePersonalData.BillingPostalCode,
    };

    private static readonly string[] Personal =
    [
        DistinctivePersonalData.FirstName, DistinctivePersonalData.LastName, DistinctivePersonalData.Email, Masking.Email(DistinctivePersonalData.Email),
        DistinctivePersonalData.DateOfBirth, DistinctivePersonalData.DateOfBirthAsText, DistinctivePersonalData.StreetLine, DistinctivePersonalData.City,
        DistinctivePersonalData.NameOnCard, DistinctivePersonalData.BillingPostalCode,
    ];

    private readonly CustomerScript _customer = new(host);

    [Fact]
    public async Task SeedsWithProfileAndCard_Completed_HubTablesQueuesAndStatusApiHoldNoPersonalData()
    {
        // Arrange: the hub's queues are sampled while the runs go on (messages stay in them only until dequeued).
        var hub = host.Services.GetRequiredService<IOptions<DurableTaskHubOptions>>().Value;
        var queues = new QueueServiceClient(hub.ConnectionString);
        var queued = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var sampling = SampleQueuesAsync(queues, hub.TaskHub, queued, stop.Token);

        // Act: seed 1 (a profile) and seed 3 (a profile, a card, a transaction), completed by the customer.
        var places = new Dictionary<string, string> { ["the Durable status API"] = string.Empty };
        foreach (var (seed, steps) in new[] { (1, new[] { "customer-account" }), (3, ["customer-account", "financial-account", "move-money"]) })
        {
            var (response, created) = await CustomerScript.PostWorkflowAsync(host.Business, CustomerScript.Seed(seed));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var workflowId = created.GetProperty("workflowId").GetString()!;
            var token = await _customer.TokenFromSmsAsync("+16471234567", host.LinkOf(created));
            foreach (var step in steps)
            {
                await _customer.SubmitAsync(token, step, step switch { "customer-account" => Profile, "financial-account" => Card, _ => new { accept = true } });
            }

            var workflow = await CustomerScript.WaitForStatusAsync(host.Business, workflowId, "COMPLETED");
            var customer = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/customers/{workflow.GetProperty("customerId").GetString()}");
            Assert.Equal(DistinctivePersonalData.LastName, customer.GetProperty("lastName").GetString()); // what was submitted is stored where it belongs
            places["the Durable status API"] += await host.Business.GetStringAsync($"/runtime/webhooks/durabletask/instances/{workflowId}?showInput=true");
        }

        await stop.CancelAsync();
        var queueNames = await sampling;
        await PeekAsync(queues, queueNames, queued); // and what is left
        var tables = new TableServiceClient(hub.ConnectionString);
        places["the History table"] = await DumpAsync(tables.GetTableClient(hub.TaskHub + "History"));
        places["the Instances table"] = await DumpAsync(tables.GetTableClient(hub.TaskHub + "Instances"));
        places["the queues"] = string.Join('\n', queued);

        // Assert: the places read are the engine's record of these runs (the sealed submissions, the inputs)...
        Assert.Contains("sealedProfile", places["the History table"], StringComparison.Ordinal);
        Assert.Contains("sealedCard", places["the History table"], StringComparison.Ordinal);
        Assert.Contains("\"input\"", places["the Durable status API"], StringComparison.Ordinal);
        Assert.Contains("Completed", places["the Instances table"], StringComparison.Ordinal);
        Assert.Contains(hub.TaskHub + "-workitems", queueNames);
        Assert.Contains(hub.TaskHub + "-control-00", queueNames);

        // ...and none of them holds the customer's data.
        foreach (var (place, text) in places)
        {
            Assert.All(Personal, value => Assert.False(text.Contains(value, StringComparison.Ordinal), $"'{value}' appears in {place}."));
        }
    }

    /// <summary>Every row of <paramref name="table"/> as text, each property as <c>key=value</c>.</summary>
    internal static async Task<string> DumpAsync(TableClient table)
    {
        var dump = new StringBuilder();
        await foreach (var entity in table.QueryAsync<TableEntity>())
        {
            foreach (var (key, value) in entity)
            {
                dump.Append(key).Append('=').Append(value).Append(' ');
            }

            dump.AppendLine();
        }

        return dump.ToString();
    }

    /// <summary>Peeks the hub's queues every 20 ms until stopped (peeking leaves the messages to the engine); answers their names.</summary>
    private static async Task<IReadOnlyList<string>> SampleQueuesAsync(QueueServiceClient queues, string hubName, ConcurrentQueue<string> seen, CancellationToken stop)
    {
        var names = new List<string>();
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        do
        {
            names.Clear();
            await foreach (var queue in queues.GetQueuesAsync(prefix: hubName + "-", cancellationToken: CancellationToken.None))
            {
                names.Add(queue.Name);
            }

            await PeekAsync(queues, names, seen);
        }
        while (await NextAsync(pace, stop));

        return names;
    }

    private static async Task<bool> NextAsync(PeriodicTimer pace, CancellationToken stop)
    {
        try
        {
            return await pace.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The visible messages of the queues, as text and, where that is base64, decoded too.</summary>
    private static async Task PeekAsync(QueueServiceClient queues, IEnumerable<string> names, ConcurrentQueue<string> seen)
    {
        foreach (var name in names)
        {
            foreach (var message in (await queues.GetQueueClient(name).PeekMessagesAsync(maxMessages: 32)).Value)
            {
                var text = message.Body.ToString();
                seen.Enqueue(text);
                var bytes = new byte[text.Length];
                if (Convert.TryFromBase64String(text, bytes, out var length))
                {
                    seen.Enqueue(Encoding.UTF8.GetString(bytes, 0, length));
                }
            }
        }
    }
}
