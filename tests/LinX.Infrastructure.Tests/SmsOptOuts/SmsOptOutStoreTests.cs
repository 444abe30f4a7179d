using System.Text;
using Azure.Data.Tables;
using LinX.Core;
using LinX.Core.Activities;
using LinX.Core.Notifications;
using LinX.Core.SmsOptOuts;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;

namespace LinX.Infrastructure.Tests.SmsOptOuts;

/// <summary>The opt-out table on Azurite, the inbound handler over it, and the notification activity that reads it.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class SmsOptOutStoreTests(AzuriteFixture azurite)
{
    private const string Phone = "+16475550101";

    [Fact]
    public async Task Add_Twice_OneRowNumberOnlyEncryptedOtherBusinessUnaffected()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var store = host.Get<ISmsOptOutStore>();
        var other = Guid.NewGuid();

        var (first, created) = await store.AddAsync(DemoData.BusinessId, Phone, SmsOptOutSource.Api, host.Time.GetUtcNow(), CancellationToken.None);
        var (again, createdAgain) = await store.AddAsync(DemoData.BusinessId, Phone, SmsOptOutSource.Sms, host.Time.GetUtcNow(), CancellationToken.None);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first, again);
        Assert.Equal((Phone, SmsOptOutSource.Api), (again.PhoneNumber, again.Source));
        Assert.True(await store.IsOptedOutAsync(DemoData.BusinessId, Phone, CancellationToken.None));
        Assert.False(await store.IsOptedOutAsync(other, Phone, CancellationToken.None));
        var rows = await RowsAsync(host.Tables.SmsOptOuts);
        var row = Assert.Single(rows);
        Assert.Equal(first.Id, row.RowKey);
        Assert.DoesNotContain(rows, r => r.Select(p => p.Value).OfType<string>().Any(v => v.Contains("5550101", StringComparison.Ordinal)));
        Assert.DoesNotContain("5550101", row.RowKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Paged_EveryOptOutOnceAndRemoveById()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var store = host.Get<ISmsOptOutStore>();
        for (var i = 0; i < 5; i++)
        {
            await store.AddAsync(DemoData.BusinessId, $"+1647555020{i}", SmsOptOutSource.Api, host.Time.GetUtcNow(), CancellationToken.None);
        }

        var first = await store.ListAsync(DemoData.BusinessId, 3, null, CancellationToken.None);
        var second = await store.ListAsync(DemoData.BusinessId, 3, first.NextPageToken, CancellationToken.None);
        var removed = await store.RemoveAsync(DemoData.BusinessId, first.Items[0].Id, CancellationToken.None);
        var otherTenant = await store.RemoveAsync(Guid.NewGuid(), first.Items[1].Id, CancellationToken.None);

        Assert.Equal((3, 2, (string?)null), (first.Items.Count, second.Items.Count, second.NextPageToken));
        Assert.Equal(5, first.Items.Concat(second.Items).Select(o => o.PhoneNumber).Distinct().Count());
        Assert.True(removed);
        Assert.False(otherTenant);
        Assert.False(await store.IsOptedOutAsync(DemoData.BusinessId, first.Items[0].PhoneNumber, CancellationToken.None));
        Assert.True(await store.IsOptedOutAsync(DemoData.BusinessId, first.Items[1].PhoneNumber, CancellationToken.None));
    }

    [Fact]
    public async Task Inbound_StopThenRedeliveredThenStart_OptsOutOnceThenBackIn()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var store = host.Get<ISmsOptOutStore>();
        var inbound = host.Get<InboundSmsService>();
        await store.RecordTextedAsync(DemoData.BusinessId, Phone, host.Time.GetUtcNow(), CancellationToken.None);

        var stop = await inbound.HandleAsync(Delivery("m-1", " stop "), CancellationToken.None);
        Assert.True(await store.IsOptedOutAsync(DemoData.BusinessId, Phone, CancellationToken.None));
        var start = await inbound.HandleAsync(Delivery("m-2", "START"), CancellationToken.None);
        var redelivered = await inbound.HandleAsync(Delivery("m-1", "STOP"), CancellationToken.None);

        Assert.Equal((1, 1, 0), (stop.Value!.OptOutsChanged, start.Value!.OptOutsChanged, redelivered.Value!.OptOutsChanged));
        Assert.False(await store.IsOptedOutAsync(DemoData.BusinessId, Phone, CancellationToken.None));
    }

    [Fact]
    public async Task Inbound_MalformedEvents_InvalidWithEveryProblemAndNothingChanged()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var body = Encoding.UTF8.GetBytes("""
            [{"eventType":"Microsoft.Communication.SMSReceived","data":{"from":"not a number","message":"STOP"}},
             {"eventType":"Microsoft.Communication.SMSReceived"}, 7]
            """);

        var result = await host.Get<InboundSmsService>().HandleAsync(body, CancellationToken.None);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.Equal(["$[0].data.messageId", "$[0].data.from", "$[1].data", "$[2]"], result.Errors.Select(e => e.Path));
        Assert.Empty(await RowsAsync(host.Tables.SmsOptOuts));
    }

    [Fact]
    public async Task SendNotification_OptedOutNumber_NotTextedRecordedSkipped()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        await host.Get<ISmsOptOutStore>().AddAsync(DemoData.BusinessId, TestPlans.Phone, SmsOptOutSource.Sms, host.Time.GetUtcNow(), CancellationToken.None);
        var input = new SendNotificationInput(DemoData.BusinessId, created.WorkflowId, 0, NotificationOrigin.Reminder);

        var output = await host.Get<SendNotificationActivity>().RunAsync(input, CancellationToken.None);
        var again = await host.Get<SendNotificationActivity>().RunAsync(input, CancellationToken.None);

        Assert.False(output.Successful);
        Assert.Equal(output, again);
        Assert.Empty(host.Sms.Messages);
        var row = Assert.Single(await host.Get<INotificationStore>().ListAsync(created.WorkflowId, CancellationToken.None));
        Assert.Equal((false, ServiceErrorCodes.PhoneOptedOut), (row.Successful, row.Error));
    }

    [Fact]
    public async Task SendNotification_Sent_RecordsTheBusinessAsLastSender()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());

        await host.Get<SendNotificationActivity>().RunAsync(
            new SendNotificationInput(DemoData.BusinessId, created.WorkflowId, 0, NotificationOrigin.Initial), CancellationToken.None);

        Assert.Single(host.Sms.Messages);
        Assert.Equal(DemoData.BusinessId, await host.Get<ISmsOptOutStore>().LastTextedByAsync(TestPlans.Phone, CancellationToken.None));
    }

    internal static byte[] Delivery(string messageId, string message) => Encoding.UTF8.GetBytes($$$"""
        [{"id":"{{{Guid.NewGuid()}}}","topic":"/subscriptions/x/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/acs",
          "subject":"/phonenumber/16475550199","eventType":"Microsoft.Communication.SMSReceived","eventTime":"2026-03-03T12:00:00Z","dataVersion":"1.0",
          "data":{"messageId":"{{{messageId}}}","from":"{{{Phone}}}","to":"+16475550199","message":"{{{message}}}","receivedTimestamp":"2026-03-03T12:00:00Z"}}]
        """);

    private static async Task<List<TableEntity>> RowsAsync(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey != "texted" && e.PartitionKey != "inbound"))
        {
            rows.Add(row);
        }

        return rows;
    }
}
