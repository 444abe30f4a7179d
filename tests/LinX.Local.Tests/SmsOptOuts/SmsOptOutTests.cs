using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LinX.Core;
using LinX.Core.SmsOptOuts;
using LinX.Local.Tests.Dev;
using LinX.Testing;

namespace LinX.Local.Tests.SmsOptOuts;

/// <summary>
/// SMS opt-outs end to end on the real host: ACS inbound SMS through the Event Grid endpoint (handshake, secret, STOP,
/// START), the business's list, the 422 at create, and a reminder after a STOP (the dev inbox's Reply STOP, time travel).
/// Each test uses numbers of its own: opt-outs and "last texted by" rows outlive a test.
/// </summary>
[Collection(TimeTravelHostTests.Name)]
public sealed class SmsOptOutTests(TimeTravelHostFixture host)
{
    private const string Events = "/api/events/acs/sms-received";
    private const string OptOuts = "/api/linx/sms-opt-outs";

    [Fact]
    public async Task Events_ValidationHandshake_AnswersTheCode()
    {
        var body = """
            [{"id":"2d1781af-3a4c-4d7c-bd0c-e34b19da4e66","topic":"/subscriptions/x","subject":"","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6","validationUrl":"https://rp-eastus2.eventgrid.azure.net/x"},"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-03-03T12:00:00Z","metadataVersion":"1","dataVersion":"1"}]
            """;

        using var response = await PostEventsAsync(body, LocalHostFixture.EventGridSecret, handshake: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", answer.GetProperty("validationResponse").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    public async Task Events_MissingOrWrongSecret_401BeforeTheBodyIsRead(string? secret)
    {
        var phone = TestPhones.New("555");
        await TextAsync(phone);

        using var stop = await PostEventsAsync(Received(phone, "STOP"), secret);
        using var malformed = await PostEventsAsync("not json", secret);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (stop.StatusCode, malformed.StatusCode));
        Assert.Equal("application/problem+json", stop.Content.Headers.ContentType?.MediaType);
        var (create, _) = await CreateAsync(host.Business, phone);
        Assert.Equal(HttpStatusCode.Accepted, create.StatusCode);
    }

    [Fact]
    public async Task Events_Malformed_400WithEveryProblem()
    {
        using var response = await PostEventsAsync("""[{"eventType":"Microsoft.Communication.SMSReceived","data":{"message":"STOP"}}]""", LocalHostFixture.EventGridSecret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["$[0].data.messageId", "$[0].data.from"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task Events_StopThenStart_CreateRefused422ListedThenAccepted()
    {
        // Arrange: the demo business texted the number.
        var phone = TestPhones.New("555");
        await TextAsync(phone);

        // Act: the customer replies STOP.
        using var stop = await PostEventsAsync(Received(phone, "Stop "), LocalHostFixture.EventGridSecret);
        var (refused, problem) = await CreateAsync(host.Business, phone);
        var list = await host.Business.GetFromJsonAsync<JsonElement>(OptOuts + "?size=100");

        // Assert
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(("$.parameters.phoneNumber", ServiceErrorCodes.PhoneOptedOut), (error.GetProperty("path").GetString(), error.GetProperty("errorCode").GetString()));
        Assert.Contains(list.GetProperty("items").EnumerateArray(), o => o.GetProperty("phoneNumber").GetString() == phone && o.GetProperty("source").GetString() == "SMS");

        // And START opts the number back in.
        using var start = await PostEventsAsync(Received(phone, "START"), LocalHostFixture.EventGridSecret);
        var (accepted, _) = await CreateAsync(host.Business, phone);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Accepted), (start.StatusCode, accepted.StatusCode));
    }

    [Fact]
    public async Task Events_Stop_OnlyTheBusinessThatTextedIsOptedOutOf()
    {
        var phone = TestPhones.New("555");
        await TextAsync(phone);
        var (_, other) = await host.CreateBusinessAsync("Opt-out Neighbour");

        using var stop = await PostEventsAsync(Received(phone, "ARRÊT"), LocalHostFixture.EventGridSecret);
        var (neighbour, _) = await CreateAsync(other, phone);
        var (refused, _) = await CreateAsync(host.Business, phone);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Accepted, HttpStatusCode.UnprocessableEntity), (stop.StatusCode, neighbour.StatusCode, refused.StatusCode));
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>(OptOuts)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Api_AddTwiceListRemove_IdempotentAndTenantIsolated()
    {
        var phone = TestPhones.New("555");
        var (_, other) = await host.CreateBusinessAsync("Opt-out Other Tenant");

        using var first = await host.Business.PostAsJsonAsync(OptOuts, new { phoneNumber = phone });
        using var again = await host.Business.PostAsJsonAsync(OptOuts, new { phoneNumber = phone });
        var added = await first.Content.ReadFromJsonAsync<SmsOptOutView>();
        var (refused, _) = await CreateAsync(host.Business, phone);
        using var otherRemove = await other.DeleteAsync($"{OptOuts}/{added!.Id}");
        var otherList = await other.GetFromJsonAsync<JsonElement>(OptOuts);
        using var removed = await host.Business.DeleteAsync($"{OptOuts}/{added.Id}");
        using var removedAgain = await host.Business.DeleteAsync($"{OptOuts}/{added.Id}");
        var (accepted, _) = await CreateAsync(host.Business, phone);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(added, await again.Content.ReadFromJsonAsync<SmsOptOutView>());
        Assert.Equal((phone, SmsOptOutSource.Api), (added.PhoneNumber, added.Source));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherRemove.StatusCode);
        Assert.Empty(otherList.GetProperty("items").EnumerateArray());
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (removed.StatusCode, removedAgain.StatusCode));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Fact]
    public async Task Api_InvalidBodyAndQuery_400WithEveryProblem()
    {
        using var body = await host.Business.PostAsync(OptOuts, new StringContent("""{"phone":"+1","phoneNumber":"12"}""", Encoding.UTF8, "application/json"));
        using var query = await host.Business.GetAsync(OptOuts + "?size=0&pageToken=zz");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (body.StatusCode, query.StatusCode));
        var bodyErrors = (await body.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString());
        Assert.Equal(["$.phone", "$.phoneNumber"], bodyErrors);
        var queryErrors = (await query.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString());
        Assert.Equal(["query.size", "query.pageToken"], queryErrors);
    }

    [Fact]
    public async Task DevReplyStop_ThenReminder_NotTextedAndRecordedSkipped()
    {
        // Arrange: a workflow whose first SMS went out.
        var phone = TestPhones.New("555");
        var workflowId = await TextAsync(phone);
        var sms = (await DevInbox.OfAsync(host.Anonymous, workflowId))[0];

        // Act: the customer taps Reply STOP in the dev inbox; then the reminder falls due.
        using var reply = await host.Anonymous.PostAsync($"/dev/sms/{sms.GetProperty("messageId").GetString()}/reply/STOP", null);
        using var remind = await host.Business.PostAsync($"/dev/workflows/{workflowId}/remind-now", null);
        var history = await Poll.UntilAsync(
            async () => await host.Business.GetFromJsonAsync<JsonElement[]>($"/api/linx/workflows/{workflowId}/notifications") ?? [],
            h => h.Length >= 2, TimeSpan.FromSeconds(30), "the reminder's notification row");

        // Assert
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Accepted), (reply.StatusCode, remind.StatusCode));
        Assert.Equal(("REMINDER", "SKIPPED", ServiceErrorCodes.PhoneOptedOut),
            (history[1].GetProperty("origin").GetString(), history[1].GetProperty("status").GetString(), history[1].GetProperty("skipReason").GetString()));
        Assert.Single(await DevInbox.OfAsync(host.Anonymous, workflowId));
    }

    /// <summary>Has the demo business text <paramref name="phone"/> (seed 1 to it); returns the workflow id.</summary>
    private async Task<string> TextAsync(string phone)
    {
        var (response, created) = await CreateAsync(host.Business, phone);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var workflowId = created.GetProperty("workflowId").GetString()!;
        await DevInbox.WaitForAsync(host.Anonymous, workflowId, 1);
        return workflowId;
    }

    private static Task<(HttpResponseMessage Response, JsonElement Body)> CreateAsync(HttpClient business, string phone) =>
        CustomerScript.PostWorkflowAsync(business, CustomerScript.Seed(1).Replace("+16471234567", phone, StringComparison.Ordinal));

    private async Task<HttpResponseMessage> PostEventsAsync(string body, string? secret, bool handshake = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Events) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("aeg-event-type", handshake ? "SubscriptionValidation" : "Notification");
        if (secret is not null)
        {
            request.Headers.Add(InboundSmsOptions.SecretHeader, secret);
        }

        return await host.Anonymous.SendAsync(request);
    }

    private static string Received(string from, string message) => $$$"""
        [{"id":"{{{Guid.NewGuid()}}}","topic":"/subscriptions/x/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/acs",
          "subject":"/phonenumber/16475550199","eventType":"Microsoft.Communication.SMSReceived","eventTime":"2026-03-03T12:00:00Z","dataVersion":"1.0",
          "data":{"messageId":"{{{Guid.NewGuid()}}}","from":"{{{from}}}","to":"+16475550199","message":"{{{message}}}","receivedTimestamp":"2026-03-03T12:00:00Z"}}]
        """;
}
