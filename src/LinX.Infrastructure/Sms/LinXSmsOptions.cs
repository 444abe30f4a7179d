using System.ComponentModel.DataAnnotations;

namespace LinX.Infrastructure.Sms;

/// <summary>Which <see cref="LinX.Core.Notifications.ISmsSender"/> a host uses.</summary>
public enum SmsProvider
{
    /// <summary>The in-memory <see cref="DevSmsInbox"/>: nothing leaves the process.</summary>
    DevInbox,

    /// <summary>Azure Communication Services (<see cref="AcsSmsSender"/>, section <c>LinX:Sms:Acs</c>).</summary>
    Acs,
}

/// <summary>Section <c>LinX:Sms</c>: the SMS provider (<c>DevInbox</c> by default, or <c>Acs</c>).</summary>
public sealed class LinXSmsOptions
{
    public const string SectionName = "LinX:Sms";

    [EnumDataType(typeof(SmsProvider))]
    public SmsProvider Provider { get; set; } = SmsProvider.DevInbox;
}
