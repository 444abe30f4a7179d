using System.Text.Json;
using LinX.Core.Tests.Orchestration;
using LinX.Core.Webhooks;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Webhooks;

public sealed class WebhookEventFactoryTests
{
    private static readonly Guid BusinessId = Guid.NewGuid();
    private static readonly Guid WorkflowId = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Derive_FirstStepBecomesActive_IsOneWorkflowUpdatedWithPreviousCurrentAndNextStepStatus()
    {
        // Arrange: CREATED -> ACTIVE, notification done, financial-account active.
        var previous = Record(WorkflowStatus.Created, 0, [StepStatus.Created, StepStatus.Created, StepStatus.Created]);
        var update = Update(1, WorkflowStatus.Active, 1, [StepStatus.Completed, StepStatus.Active, StepStatus.Created]);

        // Act
        var events = WebhookEventFactory.Derive(previous, update, Now);

        // Assert
        var e = Assert.Single(events);
        Assert.Equal(WebhookEventTypes.WorkflowUpdated, e.Type);
        var data = Data(e);
        Assert.Equal("ACTIVE", data.GetProperty("status").GetString());
        Assert.Equal("CREATED", data.GetProperty("previousStatus").GetString());
        var previousStep = data.GetProperty("previousStepStatus");
        Assert.Equal(
            (Core.Workflows.StepState.IdOf(WorkflowId, 0), "COMPLETED", StepNames.Notification, "Notification", Now),
            (previousStep.GetProperty("id").GetGuid(), previousStep.GetProperty("status").GetString(), previousStep.GetProperty("name").GetString(),
             previousStep.GetProperty("displayName").GetString(), previousStep.GetProperty("updateAt").GetDateTimeOffset()));
        Assert.Equal("ACTIVE", data.GetProperty("currentStepStatus").GetProperty("status").GetString());
        Assert.Equal(StepState.IdOf(WorkflowId, 1), data.GetProperty("currentStepStatus").GetProperty("id").GetGuid());
        Assert.Equal(StepNames.MoveMoney, data.GetProperty("nextStepStatus").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("nextStepStatus").GetProperty("updateAt").ValueKind);
    }

    [Fact]
    public void Derive_CompletionWithCustomerAccountAndTransaction_IsEntityEventsThenUpdatedThenCompleted()
    {
        // Arrange
        var customerId = Guid.NewGuid();
        var accountId = Guid.NewGuid();
        var transactionId = Guid.NewGuid();
        var previous = Record(WorkflowStatus.Active, 2, [StepStatus.Completed, StepStatus.Completed, StepStatus.Active]);
        var update = Update(5, WorkflowStatus.Completed, 2, [StepStatus.Completed, StepStatus.Completed, StepStatus.Completed]) with
        {
            CustomerId = customerId,
            FinancialAccountId = accountId,
            TransactionId = transactionId,
            Steps =
            [
                new StepState(StepNames.Notification, StepStatus.Completed),
                new StepState(StepNames.FinancialAccount, StepStatus.Completed, new Dictionary<string, string> { ["financialAccountId"] = accountId.ToString(), ["last4"] = "1111" }),
                new StepState(StepNames.MoveMoney, StepStatus.Completed, new Dictionary<string, string> { ["transactionId"] = transactionId.ToString(), ["status"] = "COMPLETED" }),
            ],
        };

        // Act
        var events = WebhookEventFactory.Derive(previous, update, Now);

        // Assert
        Assert.Equal(
            [WebhookEventTypes.CustomerStatusUpdated, WebhookEventTypes.FinancialAccountStateUpdated, WebhookEventTypes.TransactionStatusChanged,
             WebhookEventTypes.WorkflowUpdated, WebhookEventTypes.WorkflowCompleted],
            events.Select(e => e.Type));
        var account = Data(events[1]);
        Assert.Equal(
            (accountId, "ACTIVE", JsonValueKind.Null, Now, "1111"),
            (account.GetProperty("financialAccountId").GetGuid(), account.GetProperty("status").GetString(), account.GetProperty("previousStatus").ValueKind,
             account.GetProperty("dateTime").GetDateTimeOffset(), account.GetProperty("last4").GetString()));
        Assert.Equal("COMPLETED", Data(events[2]).GetProperty("status").GetString());
        Assert.Equal(transactionId, Data(events[4]).GetProperty("transactionId").GetGuid());
    }

    [Theory]
    [InlineData(StepNames.LookupFinancialAccount)] // no financial-account.state-updated
    [InlineData(StepNames.LookupProfile)] // no customer.status-updated
    public void Derive_FoundByLookup_IsNoStatusEvent(string lookupStep)
    {
        var previous = Record(WorkflowStatus.Active, 1, [StepStatus.Completed, StepStatus.Active, StepStatus.Created]);
        var found = Update(2, WorkflowStatus.Active, 2, [StepStatus.Completed, StepStatus.Completed, StepStatus.Active]);
        found = lookupStep == StepNames.LookupProfile ? found with { CustomerId = Guid.NewGuid() } : found with { FinancialAccountId = Guid.NewGuid() };
        var update = found with
        {
            Steps =
            [
                new StepState(StepNames.Notification, StepStatus.Completed),
                new StepState(lookupStep, StepStatus.Completed),
                new StepState(StepNames.MoveMoney, StepStatus.Active),
            ],
        };

        Assert.Equal([WebhookEventTypes.WorkflowUpdated], WebhookEventFactory.Derive(previous, update, Now).Select(e => e.Type));
    }

    [Fact]
    public void Derive_CustomerCreated_IsCustomerStatusUpdatedInRocketKorsShape()
    {
        // Arrange: the customer-account step completes and names the new customer.
        var customerId = Guid.NewGuid();
        var previous = Record(WorkflowStatus.Active, 1, [StepStatus.Completed, StepStatus.Active, StepStatus.Created]);
        var update = Update(2, WorkflowStatus.Active, 2, [StepStatus.Completed, StepStatus.Completed, StepStatus.Active]) with
        {
            CustomerId = customerId,
            Steps =
            [
                new StepState(StepNames.Notification, StepStatus.Completed),
                new StepState(StepNames.CustomerAccount, StepStatus.Completed, new Dictionary<string, string> { ["customerId"] = customerId.ToString() }),
                new StepState(StepNames.MoveMoney, StepStatus.Active),
            ],
        };

        // Act
        var e = WebhookEventFactory.Derive(previous, update, Now)[0];

        // Assert: RocketKOR's fields, as financial-account.state-updated has them, and what LinX sent before.
        Assert.Equal(WebhookEventTypes.CustomerStatusUpdated, e.Type);
        var data = Data(e);
        Assert.Equal(
            ["customerId", "dateTime", "status", "previousStatus", "previousDateTime", "createdAt", "workflowId", "origin"],
            data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            (customerId, Now, "ACTIVE", JsonValueKind.Null, JsonValueKind.Null, Now, WorkflowId, "CREATED"),
            (data.GetProperty("customerId").GetGuid(), data.GetProperty("dateTime").GetDateTimeOffset(), data.GetProperty("status").GetString(),
             data.GetProperty("previousStatus").ValueKind, data.GetProperty("previousDateTime").ValueKind, data.GetProperty("createdAt").GetDateTimeOffset(),
             data.GetProperty("workflowId").GetGuid(), data.GetProperty("origin").GetString()));
    }

    [Fact]
    public void Derive_ScheduledTransactionCreated_TransactionEventHasItsPriorityAndStart()
    {
        var transactionId = Guid.NewGuid();
        var previous = Record(WorkflowStatus.Active, 2, [StepStatus.Completed, StepStatus.Completed, StepStatus.Active]);
        var update = Update(3, WorkflowStatus.Active, 2, [StepStatus.Completed, StepStatus.Completed, StepStatus.Active]) with
        {
            TransactionId = transactionId,
            Steps =
            [
                new StepState(StepNames.Notification, StepStatus.Completed),
                new StepState(StepNames.FinancialAccount, StepStatus.Completed),
                new StepState(StepNames.MoveMoney, StepStatus.Active, new Dictionary<string, string>
                {
                    ["transactionId"] = transactionId.ToString(), ["status"] = "PENDING", ["amount"] = "25.00", ["currency"] = "USD",
                    ["priority"] = "SCHEDULED", ["startDateTime"] = "2026-12-24T09:00:00-05:00",
                }),
            ],
        };

        var e = Assert.Single(WebhookEventFactory.Derive(previous, update, Now), e => e.Type == WebhookEventTypes.TransactionStatusChanged);

        var data = Data(e);
        Assert.Equal(
            ("PENDING", "SCHEDULED", "2026-12-24T09:00:00-05:00"),
            (data.GetProperty("status").GetString(), data.GetProperty("priority").GetString(), data.GetProperty("startDateTime").GetString()));
    }

    [Fact]
    public void Derive_SameTransitionTwice_HasTheSameEventIds()
    {
        var previous = Record(WorkflowStatus.Created, 0, [StepStatus.Created, StepStatus.Created, StepStatus.Created]);
        var update = Update(1, WorkflowStatus.Active, 1, [StepStatus.Completed, StepStatus.Active, StepStatus.Created]);

        var first = WebhookEventFactory.Derive(previous, update, Now);
        var second = WebhookEventFactory.Derive(previous, update, Now.AddSeconds(5));

        Assert.Equal(first.Select(e => e.Id), second.Select(e => e.Id));
        Assert.NotEqual(Guid.Empty, first[0].Id);
    }

    [Fact]
    public void Derive_OnlyExpiryExtended_IsNothing()
    {
        var previous = Record(WorkflowStatus.Active, 1, [StepStatus.Completed, StepStatus.Active, StepStatus.Created]);
        var update = Update(3, WorkflowStatus.Active, 1, [StepStatus.Completed, StepStatus.Active, StepStatus.Created]) with { ExpireAt = Now.AddDays(9) };

        Assert.Empty(WebhookEventFactory.Derive(previous, update, Now));
    }

    [Fact]
    public void ToJson_Event_IsTheEnvelope()
    {
        var e = new WebhookEvent(Guid.NewGuid(), WebhookEventTypes.WorkflowCompleted, Now, new { workflowId = WorkflowId });

        using var json = JsonDocument.Parse(e.ToJson());

        Assert.Equal(["id", "type", "createdAt", "data"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(e.Id, json.RootElement.GetProperty("id").GetGuid());
    }

    private static JsonElement Data(WebhookEvent e) => JsonDocument.Parse(e.ToJson()).RootElement.GetProperty("data").Clone();

    private static readonly string[] StepNamesOfPlan = [StepNames.Notification, StepNames.FinancialAccount, StepNames.MoveMoney];

    // As the status activity hands them over: stamped with when they took their status (the last not yet).
    private static StepState[] Steps(StepStatus[] statuses) =>
        [.. statuses.Select((s, i) => new StepState(StepNamesOfPlan[i], s) { UpdatedAt = i < statuses.Length - 1 ? Now : null })];

    private static WorkflowStatusUpdate Update(long version, WorkflowStatus status, int current, StepStatus[] steps) =>
        new(BusinessId, WorkflowId, version, status, current, Steps(steps), Now.AddDays(2), null, status == WorkflowStatus.Completed ? Now : null,
            null, null, null, null, null, null);

    private static WorkflowRecord Record(WorkflowStatus status, int current, StepStatus[] steps) => new()
    {
        WorkflowId = WorkflowId,
        BusinessId = BusinessId,
        Title = "t",
        Plan = Plans.NewCard(),
        Status = status,
        CurrentStep = current,
        Steps = Steps(steps),
        CreatedAt = Now,
        ExpireAt = Now.AddDays(2),
        EncryptedPhoneNumber = "x",
        MaskedPhoneNumber = "+1647*****67",
        LinkTokenHash = "h",
        RequestHash = "r",
    };
}
