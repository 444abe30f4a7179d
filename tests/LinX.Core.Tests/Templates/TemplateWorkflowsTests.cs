using System.Text.Json.Nodes;
using LinX.Core.Templates;
using LinX.Core.Workflows;
using Microsoft.Extensions.Time.Testing;

namespace LinX.Core.Tests.Templates;

/// <summary>
/// The workflow rules over templates (ADR 0021): a workflow from a template is composed and validated as a direct
/// request, with every problem at its origin; a template is validated by the same rules in template mode.
/// </summary>
public sealed class TemplateWorkflowsTests
{
    private static readonly Guid BusinessAccount = Guid.Parse("31c6d624-6a0c-4049-b1f1-f3ea7d00ba35");

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Plan_TemplateAndRequestValues_PlanOfBothRecordingTheVersion()
    {
        var template = Payout();

        var result = TemplateWorkflows.Plan(template, Input(new JsonObject { ["phoneNumber"] = "+16471234567", ["amount"] = "25.50", ["baFinancialAccountId"] = BusinessAccount.ToString() }), Clock);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Path + " " + e.ErrorCode)));
        var plan = result.Plan!;
        Assert.Equal([StepNames.Notification, StepNames.CustomerAccount, StepNames.FinancialAccount, StepNames.MoveMoney], plan.Steps.Select(s => s.Name));
        Assert.Equal((25.50m, "CAD", BusinessAccount), (plan.MoveMoney!.Amount, plan.MoveMoney.Currency, plan.MoveMoney.BaFinancialAccountId));
        Assert.Equal(("Template memo", TimeSpan.FromDays(3)), (plan.CustomerMemo, plan.ExpireIn));
        Assert.Equal(TemplateReference.Of(template), plan.Template);
    }

    [Fact]
    public void Plan_RequestMemoAndHours_OverrideTheTemplates()
    {
        var result = TemplateWorkflows.Plan(Payout(), Input(RequestParameters()) with { CustomerMemo = "Request memo", ExpireInHours = JsonValue.Create(5) }, Clock);

        Assert.Equal(("Request memo", TimeSpan.FromHours(5)), (result.Plan!.CustomerMemo, result.Plan.ExpireIn));
    }

    [Fact]
    public void Plan_MissingAndFixedAndBadValues_EveryProblemAtItsOrigin()
    {
        var input = Input(new JsonObject { ["phoneNumber"] = "12", ["currency"] = "USD" }) with { Title = null, Root = "$.payload.batchEntries[7]" };

        var errors = TemplateWorkflows.Plan(Payout(), input, Clock).Errors.Select(e => (e.Path, e.ErrorCode)).ToList();

        Assert.Contains(("$.payload.batchEntries[7].parameters.currency", ServiceErrorCodes.TemplateParameterFixed), errors);
        Assert.Contains(("$.payload.batchEntries[7].parameters.phoneNumber", WorkflowErrorCodes.InvalidPhoneNumber), errors);
        Assert.Contains(("$.payload.batchEntries[7].parameters.amount", WorkflowErrorCodes.ParameterRequired), errors);
        Assert.Contains(("$.payload.batchEntries[7].title", WorkflowErrorCodes.FieldRequired), errors);
    }

    [Fact]
    public void Plan_RuleBetweenTemplateAndRequestValues_ReportedWhereTheRequestCanFixIt()
    {
        // The template picks ach; the request leaves out the priority that ach needs.
        var template = Payout() with { Steps = [.. Payout().Steps.Take(3), MoveMoney(new JsonObject { ["transactionType"] = "SEND", ["solution"] = "ach", ["currency"] = "CAD", ["paymentReasonId"] = "payment-of-rebates" })] };
        template = template with { Steps = [.. template.Steps.Take(2), new TemplateStep(StepNames.FinancialAccount) { PreDefined = new JsonObject { ["financialAccountSubType"] = "CHECKING" } }, template.Steps[3]] };

        var errors = TemplateWorkflows.Plan(template, Input(RequestParameters()), Clock).Errors;

        var error = Assert.Single(errors);
        Assert.Equal(("$.parameters.priority", WorkflowErrorCodes.ParameterRequired), (error.Path, error.ErrorCode));
    }

    [Fact]
    public void Validate_TemplateWithoutRequestValues_Valid()
    {
        var template = Payout();

        Assert.Empty(TemplateWorkflows.Validate(template.Steps, template.CustomerMemo, template.DefaultExpiryDays, Clock));
    }

    [Fact]
    public void Validate_BrokenTemplate_EveryProblemAtTheTemplatesPaths()
    {
        TemplateStep[] steps =
        [
            new(StepNames.Notification) { PreDefined = new JsonObject { ["channel"] = "SMS", ["phoneNumber"] = "not a phone", ["amount"] = "1" } },
            new(StepNames.LookupProfile),
            new(StepNames.CustomerAccount),
            MoveMoney(new JsonObject { ["solution"] = "push-to-card", ["transactionType"] = "REQUEST", ["amount"] = "-3" }),
        ];

        var errors = TemplateWorkflows.Validate(steps, "Visit https://example.com", 0, Clock).Select(e => (e.Path, e.ErrorCode)).ToList();

        Assert.Contains(("$.definition.steps[0].input.preDefined.phoneNumber", WorkflowErrorCodes.InvalidPhoneNumber), errors);
        Assert.Contains(("$.definition.steps[0].input.preDefined.amount", ServiceErrorCodes.ParameterOfAnotherStep), errors);
        Assert.Contains(("$.definition.steps[2].name", WorkflowErrorCodes.StepsMutuallyExclusive), errors);
        Assert.Contains(("$.definition.steps[3].input.preDefined.transactionType", WorkflowErrorCodes.TransactionTypeNotAllowed), errors);
        Assert.Contains(("$.definition.steps[3].input.preDefined.amount", WorkflowErrorCodes.ValueOutOfRange), errors);
        Assert.Contains(("$.customerMemo", WorkflowErrorCodes.TextContainsUrl), errors);
        Assert.Contains(("$.defaultExpiryDays", WorkflowErrorCodes.ValueOutOfRange), errors);
        Assert.DoesNotContain(errors, e => e.ErrorCode is WorkflowErrorCodes.ParameterRequired or WorkflowErrorCodes.FieldRequired);
    }

    [Fact]
    public void Validate_UnknownPreDefinedParameter_ReportedAtItsStep()
    {
        TemplateStep[] steps = [new(StepNames.Notification) { PreDefined = new JsonObject { ["cardNumber"] = "4111" } }, new(StepNames.CustomerAccount)];

        var error = Assert.Single(TemplateWorkflows.Validate(steps, null, null, Clock));

        Assert.Equal(("$.definition.steps[0].input.preDefined.cardNumber", WorkflowErrorCodes.UnknownParameter), (error.Path, error.ErrorCode));
    }

    [Fact]
    public void Plan_TemplateSchedulesAndRequestGivesTheStart_PlanWithTheRequestsStart()
    {
        var template = ScheduledAch(new JsonObject());

        var withStart = TemplateWorkflows.Plan(template, Input(RequestParameters(start: "2026-12-24T09:00:00-05:00")), Clock);
        var without = TemplateWorkflows.Plan(template, Input(RequestParameters()), Clock);

        Assert.Empty(TemplateWorkflows.Validate(template.Steps, template.CustomerMemo, template.DefaultExpiryDays, Clock));
        Assert.True(withStart.IsValid, string.Join("; ", withStart.Errors.Select(e => e.Path + " " + e.ErrorCode)));
        Assert.Equal(new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.FromHours(-5)), withStart.Plan!.MoveMoney!.StartDateTime);
        Assert.Equal([("$.parameters.startDateTime", WorkflowErrorCodes.ParameterRequired)], without.Errors.Select(e => (e.Path, e.ErrorCode)));
    }

    [Fact]
    public void Plan_TemplateFixesTheStart_RequestMayNotGiveItAgain()
    {
        var template = ScheduledAch(new JsonObject { ["startDateTime"] = "2026-12-24T09:00:00-05:00" });

        var fixedStart = TemplateWorkflows.Plan(template, Input(RequestParameters()), Clock);
        var again = TemplateWorkflows.Plan(template, Input(RequestParameters(start: "2026-12-25T09:00:00-05:00")), Clock);

        Assert.Equal(new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.FromHours(-5)), fixedStart.Plan?.MoveMoney?.StartDateTime);
        Assert.Equal([("$.parameters.startDateTime", ServiceErrorCodes.TemplateParameterFixed)], again.Errors.Select(e => (e.Path, e.ErrorCode)));
    }

    [Fact]
    public void Validate_TemplateFixesAPastStartOrOneWithAnotherPriority_ReportedAtItsStep()
    {
        var past = ScheduledAch(new JsonObject { ["startDateTime"] = "2026-11-30T09:00:00-05:00" });
        var sameDay = ScheduledAch(new JsonObject { ["startDateTime"] = "2026-12-24T09:00:00-05:00", ["priority"] = "SAME_DAY" }, priority: null);

        var pastErrors = TemplateWorkflows.Validate(past.Steps, null, null, Clock).Select(e => (e.Path, e.ErrorCode));
        var sameDayErrors = TemplateWorkflows.Validate(sameDay.Steps, null, null, Clock).Select(e => (e.Path, e.ErrorCode));

        Assert.Equal([("$.definition.steps[3].input.preDefined.startDateTime", WorkflowErrorCodes.ValueOutOfRange)], pastErrors);
        Assert.Equal([("$.definition.steps[3].input.preDefined.startDateTime", WorkflowErrorCodes.ParameterNotAllowed)], sameDayErrors);
    }

    [Fact]
    public void Compose_TemplateAndInput_ContractShapeWithUserInputs()
    {
        var template = Payout() with { Steps = [new(StepNames.Notification) { User = new JsonObject { ["x"] = 1 } }, new(StepNames.CustomerAccount)] };

        var request = TemplateComposer.Compose(template, Input(new JsonObject { ["phoneNumber"] = "+16471234567" })).Request;

        Assert.Equal(
            """{"title":"Rebate","expireIn":3,"customerMemo":"Template memo","steps":[{"name":"notification","inputs":{"user":{"x":1}}},{"name":"customer-account"}],"parameters":{"phoneNumber":"\u002B16471234567"}}""",
            request.ToJsonString());
    }

    [Theory]
    [InlineData("""{"templateId":"6746d9f8-eb72-45d3-81c9-d53f386d6ce3","title":"x"}""", true)]
    [InlineData("""{"title":"x","templateName":"n"}""", true)]
    [InlineData("""{"title":"x","parameters":{"templateId":"6746d9f8-eb72-45d3-81c9-d53f386d6ce3"}}""", false)]
    [InlineData("""not json {"templateId":""", false)]
    public void NamesTemplate_TopLevelTemplateIdOrName_True(string body, bool expected) =>
        Assert.Equal(expected, TemplateWorkflowRequest.NamesTemplate(System.Text.Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void Read_BadShape_EveryProblem()
    {
        var (request, errors) = TemplateWorkflowRequest.Read("""{"templateId":"nope","steps":[],"parameters":[],"expireIn":2,"title":5}"""u8);

        Assert.Null(request);
        Assert.Equal(
            [("$.templateId", WorkflowErrorCodes.InvalidUuid), ("$.steps", ServiceErrorCodes.TemplateStepsFixed), ("$.parameters", WorkflowErrorCodes.InvalidType),
             ("$.expireIn", WorkflowErrorCodes.UnknownField), ("$.title", WorkflowErrorCodes.InvalidType)],
            errors.Select(e => (e.Path, e.ErrorCode)));
    }

    [Theory]
    [InlineData("Rebates for new customers", "rebates-for-new-customers-")]
    [InlineData("  Été 2026 !! ", "t-2026-")]
    [InlineData("!!!", "template-")]
    public void GeneratedName_DisplayName_SlugWithIdSuffix(string displayName, string stem)
    {
        var id = Guid.Parse("6746d9f8-eb72-45d3-81c9-d53f386d6ce3");

        var name = TemplateService.GeneratedName(displayName, id);

        Assert.Equal(stem + "6746d9", name);
        Assert.True(TemplateRequestReader.IsName(name));
    }

    private static TemplateWorkflowInput Input(JsonObject parameters) => new() { Title = "Rebate", Parameters = parameters };

    private static JsonObject RequestParameters(string? start = null)
    {
        var parameters = new JsonObject { ["phoneNumber"] = "+16471234567", ["amount"] = "25.50", ["baFinancialAccountId"] = BusinessAccount.ToString() };
        if (start is not null)
        {
            parameters["startDateTime"] = start;
        }

        return parameters;
    }

    /// <summary>The payout template on ach, SCHEDULED unless <paramref name="priority"/> is null, with <paramref name="extra"/> in move-money's preDefined.</summary>
    private static TemplateVersion ScheduledAch(JsonObject extra, string? priority = "SCHEDULED")
    {
        var move = new JsonObject { ["transactionType"] = "SEND", ["solution"] = "ach", ["currency"] = "CAD", ["paymentReasonId"] = "payment-of-rebates" };
        if (priority is not null)
        {
            move["priority"] = priority;
        }

        foreach (var (name, value) in extra)
        {
            move[name] = value?.DeepClone();
        }

        var steps = Payout().Steps;
        return Payout() with
        {
            Steps = [steps[0], steps[1], new TemplateStep(StepNames.FinancialAccount) { PreDefined = new JsonObject { ["financialAccountSubType"] = "CHECKING" } }, MoveMoney(move)],
        };
    }

    private static TemplateStep MoveMoney(JsonObject preDefined) => new(StepNames.MoveMoney) { PreDefined = preDefined };

    private static TemplateVersion Payout() => new()
    {
        TemplateId = Guid.Parse("6746d9f8-eb72-45d3-81c9-d53f386d6ce3"),
        TemplateVersionId = Guid.Parse("0e96b2ef-0642-4666-bc35-3c9e81eaf0b7"),
        Version = 2,
        BusinessId = Guid.NewGuid(),
        Name = "payout",
        DisplayName = "Payout",
        CustomerMemo = "Template memo",
        DefaultExpiryDays = 3,
        Steps =
        [
            new(StepNames.Notification) { PreDefined = new JsonObject { ["channel"] = "SMS" } },
            new(StepNames.CustomerAccount),
            new(StepNames.FinancialAccount) { PreDefined = new JsonObject { ["financialAccountSubType"] = "DEBIT" } },
            MoveMoney(new JsonObject { ["transactionType"] = "SEND", ["solution"] = "push-to-card", ["currency"] = "CAD", ["paymentReasonId"] = "payment-of-rebates" }),
        ],
        State = TemplateState.Active,
        CreatedAt = DateTimeOffset.UnixEpoch,
        VersionCreatedAt = DateTimeOffset.UnixEpoch,
    };
}
