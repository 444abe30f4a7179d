using LinX.Core.Workflows;
using Microsoft.Extensions.Time.Testing;
using C = LinX.Core.Workflows.WorkflowErrorCodes;

namespace LinX.Core.Tests.Workflows;

/// <summary>
/// RocketKOR's settlement priorities (ADR 0024): SCHEDULED with its <c>startDateTime</c>, STANDARD refused, each rule by
/// its code, every problem at once. The clock is fixed at 2026-12-02T12:00Z.
/// </summary>
public sealed class WorkflowRequestValidatorScheduleTests
{
    private const string S1 = RequestCorpus.Seed1;
    private const string S3 = RequestCorpus.Seed3;
    private const string Ach = "parameters.solution=\"ach\"|parameters.financialAccountSubType=\"CHECKING\"";
    private const string Wire = "parameters.solution=\"wire\"|parameters.financialAccountSubType=\"CHECKING\"|parameters.description=\"Rebate\"";
    private const string Scheduled = "parameters.priority=\"SCHEDULED\"";
    private const string Start = "parameters.startDateTime=\"2026-12-24T09:00:00-05:00\"";
    private const string StartPath = "$.parameters.startDateTime";
    private const string PriorityPath = "$.parameters.priority";

    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly WorkflowRequestValidator _validator = new(new FakeTimeProvider(Now));

    public static TheoryData<string, string> ValidSchedules() => new()
    {
        { Ach, "2026-12-24T09:00:00-05:00" },
        { Wire, "2026-12-24T09:00:00-05:00" },
        { Ach, "2026-12-02T12:00:01Z" },
        { Ach, "2027-12-02T12:00:00Z" },
        { Ach, "2026-12-24T09:00:00.250+05:30" },
    };

    public static TheoryData<string, string, string, string> BrokenRules() => new()
    {
        // Required with SCHEDULED, refused with any other priority.
        { S3, $"{Ach}|{Scheduled}", StartPath, C.ParameterRequired },
        { S3, $"{Ach}|{Scheduled}|parameters.startDateTime=null", StartPath, C.ParameterRequired },
        { S3, $"{Ach}|parameters.priority=\"SAME_DAY\"|{Start}", StartPath, C.ParameterNotAllowed },
        { S3, $"{Wire}|parameters.priority=\"IMMEDIATE\"|{Start}", StartPath, C.ParameterNotAllowed },
        { S3, $"-parameters.priority|{Start}", StartPath, C.ParameterNotAllowed },
        { S1, Start, StartPath, C.UnusedParameter },

        // The priorities each solution offers.
        { S3, $"{Scheduled}|{Start}", PriorityPath, C.PriorityNotAllowed },
        { S3, $"{Ach}|parameters.priority=\"STANDARD\"", PriorityPath, C.PriorityNotAllowed },
        { S3, $"{Wire}|parameters.priority=\"STANDARD\"", PriorityPath, C.PriorityNotAllowed },
        { S3, "parameters.priority=\"STANDARD\"", PriorityPath, C.PriorityNotAllowed },
        { S3, $"{Ach}|parameters.priority=\"scheduled\"", PriorityPath, C.InvalidValue },

        // Its form: ISO 8601, to the second, with the offset.
        { S3, $"{Ach}|{Scheduled}|parameters.startDateTime=\"2026-12-24T09:00:00\"", StartPath, C.InvalidDateTime },
        { S3, $"{Ach}|{Scheduled}|parameters.startDateTime=\"2026-12-24\"", StartPath, C.InvalidDateTime },
        { S3, $"{Ach}|{Scheduled}|parameters.startDateTime=\"2026-12-24T09:00-05:00\"", StartPath, C.InvalidDateTime },
        { S3, $"{Ach}|{Scheduled}|parameters.startDateTime=\"24/12/2026 09:00 -05:00\"", StartPath, C.InvalidDateTime },
        { S3, $"{Ach}|{Scheduled}|parameters.startDateTime=\"2026-02-30T09:00:00Z\"", StartPath, C.InvalidDateTime },
        { S3, $"{Ach}|{Scheduled}|parameters.startDateTime=\"2026-12-24T09:00:00+25:00\"", StartPath, C.InvalidDateTime },
        { S3, $"{Ach}|{Scheduled}|parameters.startDateTime=\"2026-12-24T09:00:00\\u0660Z\"", StartPath, C.InvalidDateTime },
        { S3, $"{Ach}|{Scheduled}|parameters.startDateTime=\" 2026-12-24T09:00:00Z\"", StartPath, C.InvalidDateTime },
        { S3, $"{Ach}|{Scheduled}|parameters.startDateTime=1798120800", StartPath, C.InvalidType },

        // In the future, at most 365 days ahead.
        { S3, $"{Ach}|{Scheduled}|parameters.startDateTime=\"2026-12-01T09:00:00-05:00\"", StartPath, C.ValueOutOfRange },
        { S3, $"{Ach}|{Scheduled}|parameters.startDateTime=\"2026-12-02T12:00:00Z\"", StartPath, C.ValueOutOfRange },
        { S3, $"{Ach}|{Scheduled}|parameters.startDateTime=\"2026-12-02T07:00:00-05:00\"", StartPath, C.ValueOutOfRange },
        { S3, $"{Ach}|{Scheduled}|parameters.startDateTime=\"2027-12-02T12:00:01Z\"", StartPath, C.ValueOutOfRange },
    };

    [Theory]
    [MemberData(nameof(ValidSchedules))]
    public void Validate_ScheduledWithAStartAhead_PlanKeepsTheStartAndItsOffset(string solution, string start)
    {
        var body = RequestCorpus.Edit(S3, [.. solution.Split('|'), Scheduled, $"parameters.startDateTime=\"{start}\""]);

        var result = _validator.Validate(body);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Path + " " + e.ErrorCode)));
        var move = result.Plan!.MoveMoney!;
        var expected = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((PaymentPriority.Scheduled, expected, expected.Offset), (move.Priority, move.StartDateTime!.Value, move.StartDateTime.Value.Offset));
    }

    [Theory]
    [InlineData("SAME_DAY")]
    [InlineData("NEXT_DAY")]
    public void Validate_AchPriorityOtherThanScheduled_PlanWithoutStart(string priority)
    {
        var body = RequestCorpus.Edit(S3, [.. Ach.Split('|'), $"parameters.priority=\"{priority}\""]);

        var result = _validator.Validate(body);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Path + " " + e.ErrorCode)));
        Assert.Null(result.Plan!.MoveMoney!.StartDateTime);
    }

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Validate_OneScheduleRuleBroken_ReportsItAtItsPath(string seed, string edits, string expectedPath, string expectedCode)
    {
        var result = _validator.Validate(RequestCorpus.Edit(seed, edits.Split('|')));

        Assert.Null(result.Plan);
        var error = Assert.Single(result.Errors);
        Assert.Equal((expectedPath, expectedCode), (error.Path, error.ErrorCode));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [InlineData(Ach, "ach allows SAME_DAY, NEXT_DAY, SCHEDULED")]
    [InlineData(Wire, "wire allows IMMEDIATE, SAME_DAY, SCHEDULED")]
    public void Validate_Standard_RefusedNamingTheAllowedValues(string solution, string expected)
    {
        var body = RequestCorpus.Edit(S3, [.. solution.Split('|'), "parameters.priority=\"STANDARD\""]);

        var error = Assert.Single(_validator.Validate(body).Errors);

        Assert.Equal((PriorityPath, C.PriorityNotAllowed), (error.Path, error.ErrorCode));
        Assert.Contains("STANDARD is no longer offered", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralScheduleAndOtherProblems_EveryOneListed()
    {
        // A start without its offset, a zero amount, a memo for ach and an unknown reason: four problems, one answer.
        var body = RequestCorpus.Edit(
            S3, [.. Ach.Split('|'), Scheduled, "parameters.startDateTime=\"2026-12-24T09:00:00\"", "parameters.amount=0", "parameters.memo=\"Ref\"",
                 "parameters.paymentReasonId=\"gift\""]);

        var result = _validator.Validate(body);

        Assert.Null(result.Plan);
        Assert.Equal(
            [("$.parameters.amount", C.ValueOutOfRange), ("$.parameters.memo", C.ParameterNotAllowed),
             ("$.parameters.paymentReasonId", C.UnknownPaymentReason), (StartPath, C.InvalidDateTime)],
            result.Errors.Select(e => (e.Path, e.ErrorCode)).OrderBy(e => e.Path, StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_StandardAndAStartBothWrong_BothListed()
    {
        var body = RequestCorpus.Edit(S3, [.. Ach.Split('|'), "parameters.priority=\"STANDARD\"", "parameters.startDateTime=\"2025-01-01T00:00:00Z\""]);

        var errors = _validator.Validate(body).Errors.Select(e => (e.Path, e.ErrorCode)).ToList();

        Assert.Equal([(StartPath, C.ValueOutOfRange), (PriorityPath, C.PriorityNotAllowed)], errors.OrderByDescending(e => e.Path, StringComparer.Ordinal));
    }

    [Fact]
    public void ValidateTemplate_ScheduledWithoutStart_WaivedAsARequestValue()
    {
        // A template may leave the start to each request (ADR 0021's waiver), but a start it gives is judged now.
        var waived = _validator.ValidateTemplate(RequestCorpus.Edit(S3, [.. Ach.Split('|'), Scheduled, "-title"]));
        var past = _validator.ValidateTemplate(RequestCorpus.Edit(S3, [.. Ach.Split('|'), Scheduled, "-title", "parameters.startDateTime=\"2026-01-01T00:00:00Z\""]));

        Assert.Empty(waived);
        Assert.Equal([(StartPath, C.ValueOutOfRange)], past.Select(e => (e.Path, e.ErrorCode)));
    }
}
