using System.Globalization;
using Azure;
using LinX.Core.Notifications;
using LinX.Infrastructure.Sms;
using Microsoft.Extensions.Options;
using LinX.Testing;

namespace LinX.Infrastructure.Tests.Sms;

/// <summary>The ACS sender against a loopback fake that checks requests by ACS's documented rules.</summary>
public sealed class AcsSmsSenderTests : IAsyncLifetime
{
    private const string Phone = "+16475550123";
    private const string Text = "Acme: You have a request waiting for you. Open https://linx.example/linx/tok (expires Dec 3, 10:00 UTC)";
    private const string From = "+18005550100";

    private FakeAcs _acs = null!;
    private readonly RecordingLogger<AcsSmsSender> _logger = new();

    public async Task InitializeAsync() => _acs = await FakeAcs.StartAsync();

    public async Task DisposeAsync() => await _acs.DisposeAsync();

    [Fact]
    public async Task SendAsync_Accepted_ReturnsTheMessageIdOfARequestSignedAndShapedAsDocumented()
    {
        // Arrange
        var sender = Sender();
        var idempotency = NewIdempotency();

        // Act
        var result = await sender.SendAsync(Phone, Text, idempotency, CancellationToken.None);

        // Assert: the result, and the one request as ACS would have received it.
        Assert.True(result.Successful);
        Assert.StartsWith("Outgoing_", result.MessageId, StringComparison.Ordinal);
        Assert.Null(result.ErrorMessage);
        var request = Assert.Single(_acs.Requests);
        Assert.Null(request.AuthProblem);
        Assert.Equal("/sms?api-version=2021-03-07", request.Target);
        Assert.StartsWith("HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=", request.Headers["authorization"], StringComparison.Ordinal);
        Assert.Equal("application/json", request.Headers["content-type"]);
        var body = request.Json;
        Assert.Equal(From, body["from"]!.GetValue<string>());
        Assert.Equal(Text, body["message"]!.GetValue<string>());
        Assert.Equal(Phone, request.Recipient["to"]!.GetValue<string>());
        Assert.Equal(idempotency.RequestId.ToString("D"), request.Recipient["repeatabilityRequestId"]!.GetValue<string>());
        Assert.Equal(idempotency.FirstAttemptAt.ToString("R", CultureInfo.InvariantCulture), request.Recipient["repeatabilityFirstSent"]!.GetValue<string>());
        Assert.True(body["smsSendOptions"]!["enableDeliveryReport"]!.GetValue<bool>());
        Assert.Equal(idempotency.RequestId.ToString("D"), body["smsSendOptions"]!["tag"]!.GetValue<string>());
        Assert.Equal(1, _acs.SmsSent);
    }

    [Fact]
    public async Task SendAsync_OneRecipientAcceptedOneUnreachable_MapsEachRecipientResultAndDoesNotRetryTheRefusal()
    {
        var sender = Sender();

        var sent = await sender.SendAsync(Phone, Text, NewIdempotency(), CancellationToken.None);
        var refused = await sender.SendAsync(FakeAcs.UnreachableNumber, Text, NewIdempotency(), CancellationToken.None);

        Assert.True(sent.Successful);
        Assert.NotNull(sent.MessageId);
        Assert.False(refused.Successful);
        Assert.Null(refused.MessageId);
        Assert.Equal("ACS refused the recipient (HTTP 400): Invalid To phone number format.", refused.ErrorMessage);
        Assert.Equal(2, _acs.Requests.Count);
        Assert.Equal(1, _acs.SmsSent);
    }

    [Fact]
    public async Task SendAsync_Request400_IsAPermanentFailureWithTheCodeAndNoNumberAndNoRetry()
    {
        var sender = Sender();
        _acs.Answer(400, "BadRequest", $"Invalid To phone number {Phone}.");

        var result = await sender.SendAsync(Phone, Text, NewIdempotency(), CancellationToken.None);

        Assert.False(result.Successful);
        Assert.Equal("ACS refused the request (HTTP 400, BadRequest): Invalid To phone number +1647*****23.", result.ErrorMessage);
        Assert.Single(_acs.Requests);
        Assert.Equal(0, _acs.SmsSent);
    }

    [Fact]
    public async Task SendAsync_WrongAccessKey_IsAConfigurationErrorThatNamesTheSettingButNotTheKey()
    {
        const string wrongKey = "d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXktd3Jvbmcta2V5LXdyb25nLWtleQ==";
        var sender = Sender(accessKey: wrongKey);

        var error = await Assert.ThrowsAsync<AcsSmsConfigurationException>(() => sender.SendAsync(Phone, Text, NewIdempotency(), CancellationToken.None));

        Assert.Equal(401, error.Status);
        Assert.Contains("LinX:Sms:Acs:AccessKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, error.Message, StringComparison.Ordinal);
        Assert.Equal("signature mismatch", Assert.Single(_acs.Requests).AuthProblem);
        Assert.DoesNotContain(_logger.Lines, line => line.Contains(wrongKey, StringComparison.Ordinal));
        Assert.Equal(0, _acs.SmsSent);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfter_WaitsAndRepeatsTheSameRepeatableRequestOnce()
    {
        var sender = Sender();
        _acs.Answer(429, "TooManyRequests", "Too many requests.", retryAfterSeconds: 1);

        var result = await sender.SendAsync(Phone, Text, NewIdempotency(), CancellationToken.None);

        Assert.True(result.Successful);
        var requests = _acs.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"Retry-After not honoured: {requests[1].At - requests[0].At}");
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.All(requests, r => Assert.Null(r.AuthProblem)); // each try signed afresh
        Assert.Equal(1, _acs.SmsSent);
    }

    [Fact]
    public async Task SendAsync_500Then202_RetriesWithTheSameRepeatabilityFields()
    {
        var sender = Sender();
        _acs.Answer(500, "InternalServerError");

        var result = await sender.SendAsync(Phone, Text, NewIdempotency(), CancellationToken.None);

        Assert.True(result.Successful);
        var requests = _acs.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Recipient["repeatabilityRequestId"]!.GetValue<string>(), requests[1].Recipient["repeatabilityRequestId"]!.GetValue<string>());
        Assert.Equal(requests[0].Recipient["repeatabilityFirstSent"]!.GetValue<string>(), requests[1].Recipient["repeatabilityFirstSent"]!.GetValue<string>());
        Assert.Equal(1, _acs.SmsSent);
    }

    [Fact]
    public async Task SendAsync_RecipientUnavailableThenAccepted_RetriesThePerRecipientFailure()
    {
        var sender = Sender();
        _acs.AnswerRecipientFailure(503, "ServiceUnavailable");

        var result = await sender.SendAsync(Phone, Text, NewIdempotency(), CancellationToken.None);

        Assert.True(result.Successful);
        Assert.Equal(2, _acs.Requests.Count);
        Assert.Equal(1, _acs.SmsSent);
    }

    [Fact]
    public async Task SendAsync_ServiceKeepsFailing_ThrowsAfterThreeRetries()
    {
        var sender = Sender();
        for (var i = 0; i < 4; i++)
        {
            _acs.Answer(503, "ServiceUnavailable");
        }

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => sender.SendAsync(Phone, Text, NewIdempotency(), CancellationToken.None));

        Assert.Equal(503, error.Status);
        Assert.Equal(4, _acs.Requests.Count);
        Assert.Equal(0, _acs.SmsSent);
    }

    [Fact]
    public async Task SendAsync_EndpointUnreachable_ThrowsOneRequestFailedAfterRetrying()
    {
        // Arrange: a loopback port nobody listens on any more.
        var port = Ports.Free();
        var options = Microsoft.Extensions.Options.Options.Create(new AcsSmsOptions { Endpoint = new Uri($"https://127.0.0.1:{port}/"), From = From, AccessKey = FakeAcs.AccessKey });
        var sender = new AcsSmsSender(options, credential: null, _acs.CreateTransport(), TimeProvider.System, _logger);

        // Act
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => sender.SendAsync(Phone, Text, NewIdempotency(), CancellationToken.None));

        // Assert
        Assert.Equal(0, error.Status);
        Assert.StartsWith("ACS could not be reached at 127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.IsType<AggregateException>(error.InnerException);
        Assert.Contains(_logger.Lines, line => line.Contains("+1647*****23", StringComparison.Ordinal) && line.Contains("on every try", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_RepeatWithTheSameIdempotency_IsAnsweredWithTheFirstResultAndSentOnce()
    {
        // Arrange: the second call is the retry after a host died before recording the first.
        var sender = Sender();
        var idempotency = NewIdempotency();

        // Act
        var first = await sender.SendAsync(Phone, Text, idempotency, CancellationToken.None);
        var repeat = await Sender().SendAsync(Phone, Text, idempotency, CancellationToken.None);

        // Assert
        Assert.True(first.Successful);
        Assert.True(repeat.Successful);
        Assert.Equal(first.MessageId, repeat.MessageId);
        Assert.Equal(2, _acs.Requests.Count);
        Assert.Equal(1, _acs.SmsSent);
    }

    [Fact]
    public async Task SendAsync_SameRequestIdWithAnotherFirstAttempt_IsRejectedAndNotSentAgain()
    {
        var sender = Sender();
        var idempotency = NewIdempotency();
        await sender.SendAsync(Phone, Text, idempotency, CancellationToken.None);

        var result = await sender.SendAsync(Phone, Text, idempotency with { FirstAttemptAt = idempotency.FirstAttemptAt.AddSeconds(5) }, CancellationToken.None);

        Assert.False(result.Successful);
        Assert.StartsWith($"ACS rejected repeatability request {idempotency.RequestId} (HTTP 400)", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(2, _acs.Requests.Count);
        Assert.Equal(1, _acs.SmsSent);
    }

    [Fact]
    public async Task SendAsync_FirstAttemptOlderThanTheRepeatabilityWindow_IsRefusedAndNothingIsSent()
    {
        var sender = Sender();
        var idempotency = new SmsIdempotency(Guid.NewGuid(), DateTimeOffset.UtcNow - SmsIdempotency.RepeatabilityWindow - TimeSpan.FromMinutes(1));

        var result = await sender.SendAsync(Phone, Text, idempotency, CancellationToken.None);

        Assert.False(result.Successful);
        Assert.StartsWith($"ACS no longer recognises repeatability request {idempotency.RequestId}", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Single(_acs.Requests);
        Assert.Equal(0, _acs.SmsSent);
    }

    [Fact]
    public async Task SendAsync_EntraId_SendsABearerTokenForTheAcsScope()
    {
        // Arrange: a fake that accepts only the token, and no access key configured.
        await using var acs = await FakeAcs.StartAsync(accessKey: null, bearerToken: "entra-token");
        var credential = new RecordingTokenCredential("entra-token");
        var sender = new AcsSmsSender(Options(acs, accessKey: null), credential, acs.CreateTransport(), TimeProvider.System, _logger);

        // Act
        var result = await sender.SendAsync(Phone, Text, NewIdempotency(), CancellationToken.None);

        // Assert
        Assert.True(result.Successful);
        var request = Assert.Single(acs.Requests);
        Assert.Equal("Bearer entra-token", request.Headers["authorization"]);
        Assert.False(request.Headers.ContainsKey("x-ms-content-sha256"));
        Assert.Equal(["https://communication.azure.com//.default"], Assert.Single(credential.Scopes));
    }

    [Fact]
    public async Task SendAsync_EntraIdentityWithoutRole_IsAConfigurationErrorAboutTheRole()
    {
        await using var acs = await FakeAcs.StartAsync(accessKey: null, bearerToken: "entra-token");
        var sender = new AcsSmsSender(Options(acs, accessKey: null), new RecordingTokenCredential("entra-token"), acs.CreateTransport(), TimeProvider.System, _logger);
        acs.Answer(403, "Forbidden", "The identity has no access.");

        var error = await Assert.ThrowsAsync<AcsSmsConfigurationException>(() => sender.SendAsync(Phone, Text, NewIdempotency(), CancellationToken.None));

        Assert.Equal(403, error.Status);
        Assert.Contains("role on the Communication Services resource", error.Message, StringComparison.Ordinal);
        Assert.Single(acs.Requests);
    }

    [Fact]
    public async Task SendAsync_AnyOutcome_LogsTheMaskedNumberButNeverTheNumberTheTextOrTheKey()
    {
        var sender = Sender();
        _acs.Answer(400, "BadRequest", $"Invalid To phone number {Phone}.");

        await sender.SendAsync(Phone, Text, NewIdempotency(), CancellationToken.None);
        await sender.SendAsync(Phone, Text, NewIdempotency(), CancellationToken.None);

        Assert.Equal(2, _logger.Lines.Count);
        Assert.All(_logger.Lines, line => Assert.Contains("+1647*****23", line, StringComparison.Ordinal));
        Assert.DoesNotContain(_logger.Lines, line => line.Contains(Phone, StringComparison.Ordinal));
        Assert.DoesNotContain(_logger.Lines, line => line.Contains("request waiting", StringComparison.Ordinal));
        Assert.DoesNotContain(_logger.Lines, line => line.Contains(FakeAcs.AccessKey, StringComparison.Ordinal));
    }

    private AcsSmsSender Sender(string? accessKey = FakeAcs.AccessKey) =>
        new(Options(_acs, accessKey), credential: null, _acs.CreateTransport(), TimeProvider.System, _logger);

    private static IOptions<AcsSmsOptions> Options(FakeAcs acs, string? accessKey) =>
        Microsoft.Extensions.Options.Options.Create(new AcsSmsOptions { Endpoint = acs.Endpoint, From = From, AccessKey = accessKey });

    /// <summary>As the activity would keep it: whole seconds (ACS's format), now.</summary>
    private static SmsIdempotency NewIdempotency() =>
        new(Guid.NewGuid(), DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
}
