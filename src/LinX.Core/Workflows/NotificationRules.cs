namespace LinX.Core.Workflows;

/// <summary>The notification step's parameters: channel SMS or BUSINESS, phone number, optional introductory message.</summary>
internal static class NotificationRules
{
    public static NotificationStep? Check(WorkflowRequestParameters parameters, ValidationErrors errors)
    {
        var channelOk = parameters.Channel is null || CheckChannel(parameters.Channel, errors);
        var phone = parameters.PhoneNumber is null
            ? null
            : PhoneNumberRule.Normalize(parameters.PhoneNumber, JsonPath.Parameter(WorkflowParameterNames.PhoneNumber), errors);
        var messageOk = CustomerTextRules.Check(parameters.IntroductoryMessage, JsonPath.Parameter(WorkflowParameterNames.IntroductoryMessage),
            WorkflowLimits.MaxIntroductoryMessageLength, errors);

        return channelOk && messageOk && parameters.Channel is not null && phone is not null
            ? new NotificationStep(parameters.Channel, phone, parameters.IntroductoryMessage)
            : null;
    }

    private static bool CheckChannel(string channel, ValidationErrors errors)
    {
        if (channel is NotificationStep.SmsChannel or NotificationStep.BusinessChannel)
        {
            return true;
        }

        errors.Add(JsonPath.Parameter(WorkflowParameterNames.Channel), WorkflowErrorCodes.UnsupportedChannel,
            $"The channel is {NotificationStep.SmsChannel} (LinX texts the link) or {NotificationStep.BusinessChannel} (the business hands it over).");
        return false;
    }
}
