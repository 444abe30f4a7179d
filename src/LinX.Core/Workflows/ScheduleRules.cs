using System.Globalization;
using System.Text.RegularExpressions;
using P = LinX.Core.Workflows.WorkflowParameterNames;

namespace LinX.Core.Workflows;

/// <summary>
/// The move-money step's <c>startDateTime</c> (ADR 0024): required with priority SCHEDULED and refused with any other; an
/// ISO 8601 date and time with its offset; after the moment of the request and at most <see cref="WorkflowLimits.MaxScheduleAheadDays"/> ahead.
/// </summary>
internal static partial class ScheduleRules
{
    private const string Example = "2026-12-24T09:00:00-05:00";

    /// <summary>The start time, as given (its offset kept); null when absent or wrong (reported).</summary>
    /// <param name="value">The parameter as the request gave it.</param>
    /// <param name="priority">The priority asked for; null when absent or unreadable (then only the value itself is judged).</param>
    /// <param name="now">When the request is made.</param>
    /// <param name="errors">Where every problem goes.</param>
    public static DateTimeOffset? Check(string? value, PaymentPriority? priority, DateTimeOffset now, ValidationErrors errors)
    {
        var path = JsonPath.Parameter(P.StartDateTime);
        if (value is null)
        {
            if (priority == PaymentPriority.Scheduled && !errors.IsRejected(path))
            {
                errors.Add(path, WorkflowErrorCodes.ParameterRequired, $"Required with priority SCHEDULED: when the money moves, such as {Example}.");
            }

            return null;
        }

        if (priority is { } other && other != PaymentPriority.Scheduled)
        {
            errors.Add(path, WorkflowErrorCodes.ParameterNotAllowed,
                $"Only with priority SCHEDULED; {WireValues.Priorities.Format(other)} moves the money when the customer accepts.");
            return null;
        }

        if (!TryParse(value, out var start))
        {
            errors.Add(path, WorkflowErrorCodes.InvalidDateTime,
                $"Must be an ISO 8601 date and time with its offset, such as {Example} or 2026-12-24T14:00:00Z.");
            return null;
        }

        var latest = now.AddDays(WorkflowLimits.MaxScheduleAheadDays);
        if (start <= now || start > latest)
        {
            errors.Add(path, WorkflowErrorCodes.ValueOutOfRange, string.Create(CultureInfo.InvariantCulture,
                $"{(start <= now ? "Is not in the future" : "Is too far ahead")}: must be after {now.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} and at most {WorkflowLimits.MaxScheduleAheadDays} days ahead ({latest.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})."));
            return null;
        }

        return start;
    }

    /// <summary>Strict: a calendar date, <c>T</c>, a time to the second (fraction optional) and <c>Z</c> or <c>±hh:mm</c>.</summary>
    internal static bool TryParse(string value, out DateTimeOffset start)
    {
        start = default;
        return IsoDateTimeWithOffset().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out start);
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?(Z|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex IsoDateTimeWithOffset();
}
