using LinX.Core.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsClient = Azure.Communication.Sms.SmsClient;
using SmsSendOptions = Azure.Communication.Sms.SmsSendOptions;

namespace LinX.Functions.Sms;

/// <summary>
/// <see cref="ISmsSender"/> over Azure Communication Services. ACS gives every call a new repeatability id, so
/// a repeated call sends again: the per-(workflow, serial) dedupe happens in LinX.Core before this is called.
/// </summary>
public sealed class AcsSmsSender : ISmsSender
{
    private readonly SmsClient _client;
    private readonly string _senderNumber;
    private readonly ILogger<AcsSmsSender> _logger;

    public AcsSmsSender(SmsClient client, IOptions<AcsOptions> options, ILogger<AcsSmsSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _senderNumber = options.Value.SenderNumber;
        _logger = logger;
    }

    public async Task<SmsSendResult> SendAsync(string toE164, string message, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(
            _senderNumber, toE164, message, new SmsSendOptions(enableDeliveryReport: true), cancellationToken);
        var result = response.Value;
        if (result.Successful)
        {
            return new SmsSendResult(true, result.MessageId, null);
        }

        // A refused recipient is a result, not an exception. ACS's own error text is not passed on: it ends
        // up in activity failure details and logs, and we do not vouch that it never echoes the number.
        Log.AcsSmsRefused(_logger, result.HttpStatusCode);
        return new SmsSendResult(false, result.MessageId, $"ACS refused the message (HTTP {result.HttpStatusCode}).");
    }
}
