using System.Collections.Concurrent;
using LinX.Core.Activities;
using LinX.Core.Common;
using LinX.Core.Orchestration;
using LinX.Core.Payments;
using LinX.Core.Webhooks;
using LinX.Core.Workflows;
using Microsoft.DurableTask;

namespace LinX.Core.Tests.Orchestration;

/// <summary>
/// Every activity of LinX faked under its real name with its real input and output types, for the replay host:
/// deterministic outputs (ids derived from the workflow), every input recorded, thread-safe, by scope (the business
/// of a LinX activity, the subscription of a webhook one) so tests sharing a host see only their own calls.
/// </summary>
internal sealed class FakeActivities
{
    /// <summary>How long after MoveMoney a pending (ACH) transaction settles.</summary>
    public static readonly TimeSpan AchSettlesAfter = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<RecordedCall>> _calls = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<PendingWebhooksOutput>> _pending = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<WebhookAttemptOutcome>> _attempts = new();

    public static Guid CustomerIdOf(Guid workflowId) => DeterministicId.From(workflowId, "customer");

    /// <summary>The amount whose first payment attempt the fake declines with CARD_DECLINED (a recoverable decline).</summary>
    public const decimal DeclinedOnceAmount = 2.02m;

    public static Guid AccountIdOf(Guid workflowId, int attempt = 0) =>
        DeterministicId.From(workflowId, attempt <= 1 ? "account" : "account-" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static Guid TransactionIdOf(Guid workflowId) => DeterministicId.From(workflowId, "transaction");

    public IReadOnlyList<RecordedCall> CallsOf(Guid scope) => _calls.TryGetValue(scope, out var calls) ? [.. calls] : [];

    public IEnumerable<T> InputsOf<T>(Guid scope) => CallsOf(scope).Select(c => c.Input).OfType<T>();

    /// <summary>The workflow rows the activities of <paramref name="scope"/> wrote, by version (<see cref="StatusWrites"/>).</summary>
    public IReadOnlyList<WorkflowStatusUpdate> StatusSnapshotsOf(Guid scope) => StatusWrites.Of(CallsOf(scope).Select(c => ((object?)c.Input, c.Output)));

    /// <summary>What LoadPendingWebhooks answers for <paramref name="subscriptionId"/>, in order; then nothing pending.</summary>
    public void PendingFor(Guid subscriptionId, params PendingWebhooksOutput[] answers) => _pending[subscriptionId] = new(answers);

    /// <summary>How the attempts at <paramref name="eventId"/> end, in order; then delivered.</summary>
    public void AttemptsAt(Guid eventId, params WebhookAttemptOutcome[] outcomes) => _attempts[eventId] = new(outcomes);

    public void Register(DurableTaskRegistry registry)
    {
        registry.AddActivityFunc<SendNotificationInput, SendNotificationOutput>(
            ActivityNames.SendNotification, (_, i) => Record(i.BusinessId, ActivityNames.SendNotification, i, ActivityOutputs.Sent(i)));
        registry.AddActivityFunc<WorkflowStatusUpdate, bool>(
            ActivityNames.UpdateWorkflowStatus, (_, i) => Record(i.BusinessId, ActivityNames.UpdateWorkflowStatus, i, true));
        registry.AddActivityFunc<CreateCustomerAccountInput, StepActivityOutput>(
            ActivityNames.CreateCustomerAccount, (_, i) => Record(i.BusinessId, ActivityNames.CreateCustomerAccount, i, ActivityOutputs.Found(CustomerIdOf(i.WorkflowId))));
        registry.AddActivityFunc<LookupInput, StepActivityOutput>(
            ActivityNames.LookupProfile, (_, i) => Record(i.BusinessId, ActivityNames.LookupProfile, i, ActivityOutputs.Found(i.Id)));
        registry.AddActivityFunc<CreateFinancialAccountInput, StepActivityOutput>(
            ActivityNames.CreateFinancialAccount, (_, i) => Record(i.BusinessId, ActivityNames.CreateFinancialAccount, i, ActivityOutputs.Found(AccountIdOf(i.WorkflowId, i.Attempt))));
        registry.AddActivityFunc<LookupInput, StepActivityOutput>(
            ActivityNames.LookupFinancialAccount, (_, i) => Record(i.BusinessId, ActivityNames.LookupFinancialAccount, i, ActivityOutputs.Found(i.Id)));
        registry.AddActivityFunc<EnhanceProfileInput, StepActivityOutput>(
            ActivityNames.EnhanceProfile, (_, i) => Record(i.BusinessId, ActivityNames.EnhanceProfile, i, ActivityOutputs.Enhanced(i)));
        registry.AddActivityFunc<AcceptDocumentsInput, StepActivityOutput>(
            ActivityNames.AcceptDocuments, (_, i) => Record(i.BusinessId, ActivityNames.AcceptDocuments, i, ActivityOutputs.Accepted(i)));
        registry.AddActivityFunc<MoveMoneyInput, TransactionOutput>(ActivityNames.MoveMoney, (_, i) => Record(i.BusinessId, ActivityNames.MoveMoney, i, Move(i)));
        registry.AddActivityFunc<SettleTransactionInput, TransactionOutput>(
            ActivityNames.SettleTransaction, (_, i) => Record(i.BusinessId, ActivityNames.SettleTransaction, i, ActivityOutputs.Transaction(i.TransactionId, TransactionStatus.Settled)));
        registry.AddActivityFunc<PendingWebhooksInput, PendingWebhooksOutput>(
            WebhookActivityNames.LoadPendingWebhooks, (_, i) => Record(i.SubscriptionId, WebhookActivityNames.LoadPendingWebhooks, i, NextPending(i.SubscriptionId)));
        registry.AddActivityFunc<DeliverWebhookInput, DeliverWebhookOutput>(
            WebhookActivityNames.DeliverWebhook, (_, i) => Record(i.SubscriptionId, WebhookActivityNames.DeliverWebhook, i, new DeliverWebhookOutput(NextOutcome(i.EventId), null)));
        registry.AddActivityFunc<FailWebhookDeliveryInput, bool>(
            WebhookActivityNames.FailWebhookDelivery, (_, i) => Record(i.SubscriptionId, WebhookActivityNames.FailWebhookDelivery, i, true));
    }

    /// <summary>Push-to-card settles at once; ACH is pending and settles a moment later (real time: activities may read the clock).</summary>
    private static TransactionOutput Move(MoveMoneyInput input) =>
        input.Step.Amount == DeclinedOnceAmount && input.Attempt <= 1
            ? ActivityOutputs.Transaction(TransactionIdOf(input.WorkflowId), TransactionStatus.Declined, reason: "The card issuer declined the payment.") with
            {
                ReasonCode = PaymentDeclineCodes.CardDeclined,
            }
        : input.Step.Amount == DeclinedOnceAmount
            ? ActivityOutputs.Transaction(DeterministicId.From(input.WorkflowId, "transaction-" + input.Attempt), TransactionStatus.Settled)
        : input.Step.Solution == PaymentSolution.Ach
            ? ActivityOutputs.Transaction(TransactionIdOf(input.WorkflowId), TransactionStatus.Pending, DateTime.UtcNow + AchSettlesAfter)
            : ActivityOutputs.Transaction(TransactionIdOf(input.WorkflowId), TransactionStatus.Settled);

    private PendingWebhooksOutput NextPending(Guid subscriptionId) =>
        _pending.TryGetValue(subscriptionId, out var answers) && answers.TryDequeue(out var answer) ? answer : new PendingWebhooksOutput(true, []);

    private WebhookAttemptOutcome NextOutcome(Guid eventId) =>
        _attempts.TryGetValue(eventId, out var outcomes) && outcomes.TryDequeue(out var outcome) ? outcome : WebhookAttemptOutcome.Delivered;

    private T Record<T>(Guid scope, string name, object input, T output)
    {
        _calls.GetOrAdd(scope, _ => new ConcurrentQueue<RecordedCall>()).Enqueue(new RecordedCall(name, input, DateTime.UtcNow, output));
        return output;
    }
}

/// <summary>One execution of a fake activity: its name, its deserialized input, the real time it ran and its output.</summary>
internal sealed record RecordedCall(string Name, object Input, DateTime At, object? Output);
