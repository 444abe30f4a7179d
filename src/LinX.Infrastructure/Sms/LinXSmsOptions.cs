using System.ComponentModel.DataAnnotations;

namespace LinX.Infrastructure.Sms;

/// <summary>
/// Section <c>LinX:Sms</c>: the SMS provider, <c>DevInbox</c> or <c>Acs</c>. Absent, each host picks its own default
/// (LinX.Local the dev inbox, LinX.Functions ACS): see <c>AddLinXSms</c>.
/// </summary>
public sealed class LinXSmsOptions
{
    public const string SectionName = "LinX:Sms";

    [EnumDataType(typeof(SmsProvider))]
    public SmsProvider Provider { get; set; } = SmsProvider.DevInbox;
}
