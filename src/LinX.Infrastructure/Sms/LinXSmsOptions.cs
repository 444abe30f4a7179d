using System.ComponentModel.DataAnnotations;

namespace LinX.Infrastructure.Sms;

/// <summary>Section <c>LinX:Sms</c>: the SMS provider, <c>DevInbox</c> (the default) or <c>Acs</c>.</summary>
public sealed class LinXSmsOptions
{
    public const string SectionName = "LinX:Sms";

    [EnumDataType(typeof(SmsProvider))]
    public SmsProvider Provider { get; set; } = SmsProvider.DevInbox;
}
