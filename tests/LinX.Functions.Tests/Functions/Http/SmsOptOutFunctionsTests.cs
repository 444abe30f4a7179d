using LinX.Core.SmsOptOuts;
using LinX.Functions.Functions.Http;

namespace LinX.Functions.Tests.Functions.Http;

/// <summary>The opt-out list and the inbound SMS endpoint through their functions: no Durable client binding.</summary>
[Collection(FunctionsHostTests.Name)]
public sealed class SmsOptOutFunctionsTests(FunctionsHostFixture host)
{
    [Fact]
    public async Task AddListRemove_ThroughTheFunctions_201ListedThen204()
    {
        const string Phone = "+16475559876";
        await using var invocation = host.NewInvocation();

        var added = await FunctionInvocation.RunAsync(
            invocation.Request("POST", "/api/linx/sms-opt-outs", $$"""{"phoneNumber":"{{Phone}}"}""", host.ApiKey), SmsOptOutFunctions.AddAsync);
        var id = added.Json.GetProperty("id").GetString()!;
        var list = await FunctionInvocation.RunAsync(invocation.Request("GET", "/api/linx/sms-opt-outs", apiKey: host.ApiKey), SmsOptOutFunctions.ListAsync);
        var removed = await FunctionInvocation.RunAsync(
            invocation.Request("DELETE", $"/api/linx/sms-opt-outs/{id}", apiKey: host.ApiKey), r => SmsOptOutFunctions.RemoveAsync(r, id));

        Assert.Equal((201, 200, 204), (added.Status, list.Status, removed.Status));
        Assert.Contains(list.Json.GetProperty("items").EnumerateArray(), o => o.GetProperty("phoneNumber").GetString() == Phone);
    }

    [Fact]
    public async Task ReceiveAsync_NoSecret_Is401()
    {
        await using var invocation = host.NewInvocation();

        var response = await FunctionInvocation.RunAsync(invocation.Request("POST", "/api/events/acs/sms-received", "[]"), SmsOptOutFunctions.ReceiveAsync);

        Assert.Equal(401, response.Status);
    }

    [Fact]
    public async Task ReceiveAsync_ValidationHandshakeWithSecret_AnswersTheCode()
    {
        await using var invocation = host.NewInvocation();
        var request = invocation.Request("POST", "/api/events/acs/sms-received", """
            [{"id":"1","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"code-42"},"dataVersion":"1"}]
            """);
        request.Headers[InboundSmsOptions.SecretHeader] = FunctionsHostFixture.EventGridSecret;

        var response = await FunctionInvocation.RunAsync(request, SmsOptOutFunctions.ReceiveAsync);

        Assert.Equal(200, response.Status);
        Assert.Equal("code-42", response.Json.GetProperty("validationResponse").GetString());
    }
}
