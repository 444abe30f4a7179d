namespace LinX.Infrastructure.Sms;

/// <summary>Which <see cref="LinX.Core.Notifications.ISmsSender"/> a host uses (<c>LinX:Sms:Provider</c>).</summary>
public enum SmsProvider
{
    /// <summary>The in-memory <see cref="DevSmsInbox"/>: nothing leaves the process.</summary>
    DevInbox,

    /// <summary>Azure Communication Services (<see cref="AcsSmsSender"/>, section <c>LinX:Sms:Acs</c>).</summary>
    Acs,
}
