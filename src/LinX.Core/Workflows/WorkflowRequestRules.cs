using LinX.Core.Businesses;

namespace LinX.Core.Workflows;

/// <summary>The rules of DESIGN.md §2 over a read request; the plan when nothing is wrong.</summary>
internal static class WorkflowRequestRules
{
    /// <param name="request">The request as read.</param>
    /// <param name="now">When the request is made (a SCHEDULED payment must start after it).</param>
    /// <param name="errors">Where every problem goes.</param>
    public static WorkflowPlan? Apply(WorkflowRequest request, DateTimeOffset now, ValidationErrors errors)
    {
        CheckTitle(request.Title, errors);
        var expiry = Expiry(request, errors);
        CustomerTextRules.Check(request.CustomerMemo, JsonPath.CustomerMemo, WorkflowLimits.MaxCustomerMemoLength, errors);
        CheckLocale(request.Locale, errors);
        var steps = StepRules.Analyse(request.Steps, errors);
        var typedSteps = ParameterRules.Check(request.Parameters, request.Steps, steps, now, errors);

        return errors.Count == 0 && expiry is { } expireIn
            ? new WorkflowPlan(request.Title!, expireIn, request.Passcode ?? false, request.CustomerMemo, typedSteps) { Locale = request.Locale }
            : null;
    }

    private static void CheckLocale(string? locale, ValidationErrors errors)
    {
        if (locale is not null && !BusinessProfile.Locales.Contains(locale, StringComparer.Ordinal))
        {
            errors.Add(JsonPath.Locale, ServiceErrorCodes.UnsupportedLocale,
                $"{GivenValue.Quote(locale)} is not a locale LinX writes in: use one of {string.Join(", ", BusinessProfile.Locales)}.");
        }
    }

    private static void CheckTitle(string? title, ValidationErrors errors)
    {
        if (title is not null)
        {
            TextRules.Check(title, JsonPath.Title, WorkflowLimits.MaxTitleLength, errors);
        }
        else if (!errors.IsRejected(JsonPath.Title))
        {
            errors.Add(JsonPath.Title, WorkflowErrorCodes.FieldRequired, "The title is required.");
        }
    }

    private static TimeSpan? Expiry(WorkflowRequest request, ValidationErrors errors)
    {
        var days = request.ExpireIn;
        var hours = request.ExpireInHours;
        var daysGiven = days is not null || errors.IsRejected(JsonPath.ExpireIn);
        var hoursGiven = hours is not null || errors.IsRejected(JsonPath.ExpireInHours);
        if (daysGiven && hoursGiven)
        {
            errors.Add(JsonPath.ExpireInHours, WorkflowErrorCodes.ExpiryConflict, "Give expireIn (days) or expireInHours, not both.");
            return null;
        }

        if (days is { } d)
        {
            return InRange(d, WorkflowLimits.MinExpireInDays, WorkflowLimits.MaxExpireInDays, JsonPath.ExpireIn, errors)
                ? TimeSpan.FromDays(d)
                : null;
        }

        if (hours is { } h)
        {
            return InRange(h, WorkflowLimits.MinExpireInHours, WorkflowLimits.MaxExpireInHours, JsonPath.ExpireInHours, errors)
                ? TimeSpan.FromHours(h)
                : null;
        }

        return daysGiven || hoursGiven ? null : WorkflowLimits.DefaultExpiry;
    }

    private static bool InRange(int value, int min, int max, string path, ValidationErrors errors)
    {
        if (value >= min && value <= max)
        {
            return true;
        }

        errors.Add(path, WorkflowErrorCodes.ValueOutOfRange, $"{value} is out of range: must be from {min} to {max}.");
        return false;
    }
}
