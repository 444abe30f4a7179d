using System.Globalization;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using LinX.Core.Common;
using LinX.Core.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LinX.Infrastructure.Sms;

/// <summary>
/// <see cref="ISmsSender"/> over the Azure Communication Services SMS REST API (<c>POST {endpoint}/sms?api-version=2021-03-07</c>)
/// on Azure.Core's <see cref="HttpPipeline"/>, authenticated with Microsoft Entra ID or the resource's access key.
/// <para>
/// Each send carries <see cref="SmsIdempotency"/> as the recipient's <c>repeatabilityRequestId</c> and
/// <c>repeatabilityFirstSent</c>: ACS answers a repeat with the first result instead of sending again, both for the
/// pipeline's own retries and, since the caller derives the id from (workflow, serial) and keeps the first attempt's
/// time with the send claim, for a retry after the host died between ACS accepting the SMS and LinX recording it. ACS
/// remembers a request id only for a limited time (<see cref="SmsIdempotency.RepeatabilityWindow"/>); a repeat after
/// that is refused (HTTP 412), and nothing is sent.
/// </para>
/// <para>
/// Outcomes: sent (a result with the message id); the recipient or the request refused (HTTP 4xx: a result with the
/// reason, not retried, since the same request cannot succeed); 401, 403 or 404: <see cref="AcsSmsConfigurationException"/>;
/// 429, 5xx and network errors are retried by the pipeline (Retry-After honoured), a recipient's 429 or 5xx by the sender,
/// three times each, then a <see cref="RequestFailedException"/> (the request, or no answer at all) or a failed result
/// (the recipient);
/// no answer within <see cref="Timeout"/>: a <see cref="TimeoutException"/>. Logs mask the number and never hold the text.
/// </para>
/// </summary>
public sealed partial class AcsSmsSender : ISmsSender
{
    /// <summary>The Entra ID scope of ACS data-plane APIs (the double slash is part of it).</summary>
    public const string EntraScope = "https://communication.azure.com//.default";

    /// <summary>Every send ends within this, retries included: well inside the activity's 30 s, itself half the claim's lease.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private const int MaxRetries = 3;
    private static readonly TimeSpan RecipientRetryDelay = TimeSpan.FromMilliseconds(500);
    private const int MaxReasonLength = 200;

    private readonly HttpPipeline _pipeline;
    private readonly Uri _sendUri;
    private readonly string _from;
    private readonly bool _enableDeliveryReport;
    private readonly bool _usesAccessKey;
    private readonly TimeProvider _time;
    private readonly ILogger<AcsSmsSender> _logger;

    /// <param name="options">The ACS resource and sender.</param>
    /// <param name="credential">The app's Entra ID credential, used when no access key is configured.</param>
    /// <param name="time">The clock of the HMAC signature.</param>
    /// <param name="logger">Where sends are logged (masked).</param>
    public AcsSmsSender(IOptions<AcsSmsOptions> options, TokenCredential credential, TimeProvider time, ILogger<AcsSmsSender> logger)
        : this(options, credential, transport: null, time, logger)
    {
    }

    /// <summary>For tests: another transport (a loopback fake).</summary>
    internal AcsSmsSender(IOptions<AcsSmsOptions> options, TokenCredential? credential, HttpPipelineTransport? transport, TimeProvider time, ILogger<AcsSmsSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var endpoint = settings.Endpoint ?? throw new InvalidOperationException("LinX:Sms:Acs:Endpoint is not set.");
        _sendUri = new Uri(endpoint, "sms?api-version=" + AcsSmsWire.ApiVersion);
        _from = settings.From;
        _enableDeliveryReport = settings.EnableDeliveryReport;
        _time = time;
        _logger = logger;

        var pipelineOptions = new PipelineOptions();
        if (transport is not null)
        {
            pipelineOptions.Transport = transport;
        }

        pipelineOptions.Retry.Mode = RetryMode.Exponential;
        pipelineOptions.Retry.MaxRetries = MaxRetries;
        pipelineOptions.Retry.Delay = TimeSpan.FromMilliseconds(500);
        pipelineOptions.Retry.MaxDelay = TimeSpan.FromSeconds(4);
        pipelineOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(8);
        pipelineOptions.Diagnostics.ApplicationId = "LinX";
        pipelineOptions.Diagnostics.IsLoggingContentEnabled = false; // the body holds the number and the text

        _usesAccessKey = !string.IsNullOrEmpty(settings.AccessKey);
        HttpPipelinePolicy authentication = _usesAccessKey
            ? new AcsHmacAuthenticationPolicy(settings.AccessKey!, time)
            : new BearerTokenAuthenticationPolicy(credential ?? new DefaultAzureCredential(), EntraScope);

        _pipeline = HttpPipelineBuilder.Build(pipelineOptions, authentication);
    }

    public async Task<SmsSendResult> SendAsync(string toE164, string message, SmsIdempotency idempotency, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(toE164);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(idempotency);

        var masked = Masking.Phone(toE164);
        var body = Body(toE164, message, idempotency);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                using var http = CreateMessage(body);
                await _pipeline.SendAsync(http, timeout.Token);

                // The pipeline retries what HTTP statuses say; a 202 whose recipient was throttled or hit an unavailable
                // route (ACS reports those per recipient) is repeated here. ACS re-executes a repeat of a 5xx attempt
                // rather than answering the stored failure, and deduplicates a repeat of an accepted one.
                if (attempt < MaxRetries && IsTransientRecipientFailure(http.Response))
                {
                    await Task.Delay(RecipientRetryDelay * (1 << attempt), _time, timeout.Token);
                    continue;
                }

                return Interpret(http.Response, masked, idempotency);
            }
        }
        catch (Exception e) when (e is AggregateException or RequestFailedException { Status: 0 })
        {
            // Every try failed without an answer (refused connection, DNS, TLS): Azure.Core throws one exception per try.
            _logger.AcsSmsUnreachable(idempotency.RequestId, masked, e.GetBaseException().GetType().Name);
            throw new RequestFailedException(0, $"ACS could not be reached at {_sendUri.Host} for SMS request {idempotency.RequestId}: {e.GetBaseException().Message}", e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.AcsSmsTimedOut(idempotency.RequestId, masked, Timeout);
            throw new TimeoutException(
                $"ACS did not answer SMS request {idempotency.RequestId} within {Timeout.TotalSeconds:0} s. Sending it again with the same idempotency is safe within ACS's repeatability window.");
        }
    }

    /// <summary>408, 429 and 5xx: the service or the carrier route is busy or down; the same request may succeed later.</summary>
    internal static bool IsTransient(int status) => status is 408 or 429 or >= 500;

    private static bool IsTransientRecipientFailure(Response response) =>
        response.Status == 202
        && AcsSmsWire.ReadItem(response.Content) is { Successful: false } item
        && IsTransient(item.HttpStatusCode)
        && !string.Equals(item.RepeatabilityResult, AcsSmsWire.Rejected, StringComparison.OrdinalIgnoreCase);

    private byte[] Body(string toE164, string message, SmsIdempotency idempotency)
    {
        var requestId = idempotency.RequestId.ToString("D");
        return AcsSmsWire.Serialize(new AcsSendRequest(
            _from,
            [new AcsSmsRecipient(toE164, requestId, idempotency.FirstAttemptAt.ToString("R", CultureInfo.InvariantCulture))],
            message,
            new AcsSendOptions(_enableDeliveryReport, Tag: requestId))); // echoed in delivery reports: no personal data
    }

    private HttpMessage CreateMessage(byte[] body)
    {
        var http = _pipeline.CreateMessage();
        http.Request.Method = RequestMethod.Post;
        http.Request.Uri.Reset(_sendUri);
        http.Request.Headers.SetValue(HttpHeader.Names.Accept, "application/json");
        http.Request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        http.Request.Content = RequestContent.Create(body);
        return http;
    }

    private SmsSendResult Interpret(Response response, string masked, SmsIdempotency idempotency)
    {
        var status = response.Status;
        if (status is >= 200 and < 300)
        {
            return FromRecipient(response, masked, idempotency);
        }

        var error = AcsSmsWire.ReadError(response.Content);
        var code = error?.Code ?? "no error code";
        if (status is 401 or 403 or 404)
        {
            _logger.AcsSmsConfigurationError(AuthMode, status, error?.Code);
            throw new AcsSmsConfigurationException(status, ConfigurationHint(status, code));
        }

        if (IsTransient(status))
        {
            _logger.AcsSmsUnavailable(idempotency.RequestId, masked, status);
            throw new RequestFailedException(status, $"ACS could not take SMS request {idempotency.RequestId} (HTTP {status}, {code}) after {MaxRetries} retries.", error?.Code, null);
        }

        // 400, 412, 413, 422…: the request itself is refused, so sending it unchanged again cannot succeed.
        _logger.AcsSmsRequestRefused(idempotency.RequestId, masked, status, error?.Code);
        var reason = status == 412
            ? RepeatabilityExpired(idempotency)
            : $"ACS refused the request (HTTP {status}, {code}): {Clean(error?.Message)}";
        return new SmsSendResult(false, null, reason);
    }

    private SmsSendResult FromRecipient(Response response, string masked, SmsIdempotency idempotency)
    {
        var item = AcsSmsWire.ReadItem(response.Content)
            ?? throw new RequestFailedException(response.Status, $"ACS answered HTTP {response.Status} without a result for SMS request {idempotency.RequestId}.", null, null);
        if (item.Successful)
        {
            _logger.AcsSmsAccepted(idempotency.RequestId, masked, item.MessageId, item.RepeatabilityResult);
            return new SmsSendResult(true, item.MessageId, null);
        }

        _logger.AcsSmsRecipientRefused(idempotency.RequestId, masked, item.HttpStatusCode, item.RepeatabilityResult);
        var status = item.HttpStatusCode;
        var text = Clean(item.ErrorMessage);
        var rejected = string.Equals(item.RepeatabilityResult, AcsSmsWire.Rejected, StringComparison.OrdinalIgnoreCase);
        var reason = (rejected, status) switch
        {
            (true, 412) => RepeatabilityExpired(idempotency),
            (true, _) => $"ACS rejected repeatability request {idempotency.RequestId} (HTTP {status}): {text} A different SMS or first-attempt time was sent with this id before.",
            (false, _) when IsTransient(status) => $"ACS could not send to the recipient now (HTTP {status}, after {MaxRetries} retries): {text}",
            _ => $"ACS refused the recipient (HTTP {status}): {text}",
        };
        return new SmsSendResult(false, item.MessageId, reason);
    }

    private static string RepeatabilityExpired(SmsIdempotency idempotency) =>
        $"ACS no longer recognises repeatability request {idempotency.RequestId} (first attempt {idempotency.FirstAttemptAt.ToString("R", CultureInfo.InvariantCulture)}, "
        + $"window about {SmsIdempotency.RepeatabilityWindow.TotalMinutes:0} min): it cannot tell whether this SMS was sent, and sent nothing.";

    private string ConfigurationHint(int status, string code)
    {
        var what = status == 404
            ? "LinX:Sms:Acs:Endpoint is not an ACS resource"
            : _usesAccessKey
                ? "check LinX:Sms:Acs:AccessKey (a current key of that resource; the host clock within 15 minutes of UTC) and that LinX:Sms:Acs:From belongs to it"
                : "give the app's identity (DefaultAzureCredential) a role on the Communication Services resource that allows sending SMS, and check that LinX:Sms:Acs:From belongs to it";
        return $"ACS refused LinX ({AuthMode}, HTTP {status}, {code}) at {_sendUri.Host}: {what}.";
    }

    /// <summary>ACS's text, safe to store and show: numbers masked (it may quote the recipient), one line, bounded.</summary>
    private string AuthMode => _usesAccessKey ? "access key" : "Microsoft Entra ID";

    private static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "no reason given.";
        }

        var masked = DigitRun().Replace(text, m => Masking.Phone(m.Value));
        var line = string.Concat(masked.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
        return line.Length <= MaxReasonLength ? line : line[..MaxReasonLength] + "...";
    }

    [GeneratedRegex(@"\+?[0-9]{6,}")]
    private static partial Regex DigitRun();

    private sealed class PipelineOptions : ClientOptions;
}
