using LinX.Core.Activities;
using LinX.Core.Notifications;
using LinX.Core.Payments;
using LinX.Core.Security;
using LinX.Core.Workflows;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace LinX.Core.Orchestration;

/// <summary>
/// One execution (or replay) of <see cref="LinxOrchestration"/>: the workflow's state and its transitions. The customer's
/// submissions and the steps' display data reach it sealed and leave it sealed: it checks which submission arrived and
/// passes it on, and never sees personal data in the clear (ADR 0011).
/// </summary>
internal sealed partial class WorkflowRun
{
    private static readonly TimeSpan MinimumReminderInterval = TimeSpan.FromMinutes(1);

    private readonly TaskOrchestrationContext _context;
    private readonly LinxOrchestrationInput _input;
    private readonly WorkflowPlan _plan;
    private readonly ILogger _logger;
    private readonly StepState[] _steps;

    /// <summary>Each step's display data, sealed by its activity (null while it has none).</summary>
    private readonly Sealed<IReadOnlyDictionary<string, string>>?[] _data;

    private readonly TimeSpan _reminderInterval;

    private WorkflowStatus _status = WorkflowStatus.Created;
    private int _current;
    private DateTime _expireAt;
    private DateTime _lastNotifiedAt;
    private int _nextSerial;
    private long _version;
    private DateTime? _completedAt;
    private DateTime? _settleAt;
    private string? _declineReason;
    private string? _declineComment;
    private string? _failureReason;
    private string? _failureCode;
    private Guid? _customerId;
    private Guid? _financialAccountId;
    private Guid? _transactionId;

    /// <summary>The state the next persist would write was already written by the last step's activity.</summary>
    private bool _written;

    /// <summary>When the workflow completed, as the last step's activity wrote it.</summary>
    private DateTime? _completedAtAhead;

    public WorkflowRun(TaskOrchestrationContext context, LinxOrchestrationInput input)
    {
        _context = context;
        _input = input;
        _plan = input.Plan;
        _logger = context.CreateReplaySafeLogger(LinxOrchestration.Name);
        _steps = [.. _plan.Steps.Select(s => new StepState(s.Name, StepStatus.Created))];
        _data = new Sealed<IReadOnlyDictionary<string, string>>?[_steps.Length];
        _expireAt = Utc(input.ExpireAt);
        _reminderInterval = input.ReminderInterval < MinimumReminderInterval ? MinimumReminderInterval : input.ReminderInterval;
    }

    private DateTime Now => Utc(_context.CurrentUtcDateTime);

    /// <summary>The next reminder: one interval after the last SMS, only while open and only before expiry.</summary>
    private DateTime? NextReminderAt =>
        _status.IsOpen() && !_plan.Notification.DeliveredByBusiness && _lastNotifiedAt + _reminderInterval < _expireAt
            ? _lastNotifiedAt + _reminderInterval
            : null;

    public async Task<WorkflowResult> ExecuteAsync()
    {
        SetStep(0, StepStatus.Active);
        if (!await NotifyAsync(NotificationOrigin.Initial, Ahead()))
        {
            return await FailAsync("The notification could not be sent.");
        }

        _written = true;
        SetStep(0, StepStatus.Completed);
        _status = WorkflowStatus.Active;
        for (var index = 1; index < _plan.Steps.Count; index++)
        {
            _current = index;
            SetStep(index, StepStatus.Active);
            await PersistUnlessWrittenAsync();
            WorkflowResult? ended;
            try
            {
                ended = await RunStepAsync(_plan.Steps[index]);
            }
            catch (TaskFailedException e)
            {
                _logger.ActivityFailed(e.TaskName, _input.WorkflowId, e.FailureDetails.ErrorType);
                return await FailAsync(Shorten($"The {_plan.Steps[index].Name} step failed: {e.FailureDetails.ErrorMessage}"));
            }

            if (ended is not null)
            {
                return ended;
            }

            SetStep(index, StepStatus.Completed);
        }

        _status = WorkflowStatus.Completed;
        _completedAt = _completedAtAhead ?? Now;
        await PersistUnlessWrittenAsync();
        await SettleAsync();
        return Result();
    }

    private async Task<WorkflowResult?> RunStepAsync(WorkflowStep step)
    {
        switch (step)
        {
            case CustomerAccountStep:
            {
                var wait = await WaitForCustomerAsync(step.Name, e => e.HasProfile);
                if (wait.Ended is not null)
                {
                    return wait.Ended;
                }

                var created = await CallAsync<StepActivityOutput>(
                    ActivityNames.CreateCustomerAccount,
                    new CreateCustomerAccountInput(
                        _input.BusinessId, _input.WorkflowId, wait.Event!.SealedProfile, _plan.Notification.PhoneNumber, Ahead(), wait.Event.Profile));
                _customerId = created.Id;
                SetData(created.SealedData, created.Data);
                _written = true;
                return null;
            }

            case LookupProfileStep lookup:
            {
                var found = await CallAsync<StepActivityOutput>(
                    ActivityNames.LookupProfile, new LookupInput(_input.BusinessId, lookup.CustomerId, WorkflowId: _input.WorkflowId));
                if (!found.Found)
                {
                    return await FailAsync("The customer of the lookup-profile step was not found.");
                }

                return await ConfirmAsync(step.Name, found, id => _customerId = id);
            }

            case EnhanceProfileStep:
            {
                var wait = await WaitForCustomerAsync(step.Name, e => e.HasEnhancement);
                if (wait.Ended is not null)
                {
                    return wait.Ended;
                }

                var enhanced = await CallAsync<StepActivityOutput>(
                    ActivityNames.EnhanceProfile,
                    new EnhanceProfileInput(_input.BusinessId, _input.WorkflowId, _customerId ?? Guid.Empty, wait.Event!.SealedEnhancement!, Ahead()));
                SetData(enhanced.SealedData, null);
                _written = true;
                return null;
            }

            case DocumentAcceptanceStep documents:
            {
                var wait = await WaitForCustomerAsync(step.Name, _ => true);
                if (wait.Ended is not null)
                {
                    return wait.Ended;
                }

                var accepted = await CallAsync<StepActivityOutput>(
                    ActivityNames.AcceptDocuments, new AcceptDocumentsInput(_input.BusinessId, _input.WorkflowId, documents, Ahead()));
                SetData(accepted.SealedData, null);
                _written = true;
                return null;
            }

            case FinancialAccountStep account:
            {
                var isCard = account.FinancialAccountSubType.IsCard();
                var wait = await WaitForCustomerAsync(step.Name, e => isCard ? e.HasCard : e.HasBankAccount);
                if (wait.Ended is not null)
                {
                    return wait.Ended;
                }

                var created = await CreateAccountAsync(account.FinancialAccountSubType, isCard, wait.Event!, Ahead());
                _financialAccountId = created.Id;
                SetData(created.SealedData, created.Data);
                _written = true;
                return null;
            }

            case LookupFinancialAccountStep lookup:
            {
                var found = await CallAsync<StepActivityOutput>(
                    ActivityNames.LookupFinancialAccount, new LookupInput(_input.BusinessId, lookup.CustomerFinancialAccountId, _customerId, _input.WorkflowId));
                if (!found.Found)
                {
                    return await FailAsync("The financial account of the lookup-financial-account step was not found for this customer.");
                }

                return await ConfirmAsync(step.Name, found, id => _financialAccountId = id);
            }

            case MoveMoneyStep move:
            {
                var wait = await WaitForCustomerAsync(step.Name, _ => true);
                return wait.Ended ?? await PayAsync(move);
            }

            default:
                return await FailAsync("Unsupported step " + step.Name + ".");
        }
    }

    /// <summary>Lookups show the masked data first, then wait for the customer's confirmation.</summary>
    private async Task<WorkflowResult?> ConfirmAsync(string stepName, StepActivityOutput found, Action<Guid> accept)
    {
        SetData(found.SealedData, found.Data);
        await PersistAsync();
        var wait = await WaitForCustomerAsync(stepName, _ => true);
        if (wait.Ended is not null)
        {
            return wait.Ended;
        }

        accept(found.Id);
        return null;
    }

    /// <summary>
    /// Waits for the customer's submission of <paramref name="stepName"/>, racing the event against the next timer,
    /// and handles everything else that may arrive meanwhile. Submissions for another step, of the wrong shape, or
    /// duplicates of one already applied are ignored, so repeated submissions have exactly one effect.
    /// </summary>
    private async Task<WaitResult> WaitForCustomerAsync(string stepName, Func<WorkflowEvent, bool> accepts)
    {
        while (true)
        {
            var now = Now;
            if (now >= _expireAt)
            {
                return new WaitResult(null, await ExpireAsync());
            }

            var reminder = NextReminderAt;
            var fireAt = reminder ?? _expireAt;
            using var cts = new CancellationTokenSource();
            var eventTask = _context.WaitForExternalEvent<WorkflowEvent>(WorkflowEvent.EventName, cts.Token);
            var timerTask = _context.CreateTimer(fireAt, cts.Token);
            var winner = await Task.WhenAny(eventTask, timerTask);
            cts.Cancel();

            if (winner != eventTask)
            {
                if (reminder is null)
                {
                    return new WaitResult(null, await ExpireAsync());
                }

                await RemindAsync();
                continue;
            }

            var e = await eventTask;
            switch (e.Kind)
            {
                case WorkflowEventKind.Submit when e.StepName == stepName && accepts(e):
                    return new WaitResult(e, null);
                case WorkflowEventKind.Cancel:
                    _status = WorkflowStatus.Cancelled;
                    SetStep(_current, StepStatus.Cancelled);
                    await PersistAsync();
                    return new WaitResult(null, Result("Cancelled by the business."));
                case WorkflowEventKind.Decline:
                    _status = WorkflowStatus.Declined;
                    _declineReason = ToContract(e.DeclineReason ?? DeclineReason.Other);
                    _declineComment = e.Comment;
                    SetStep(_current, StepStatus.Declined);
                    await PersistAsync();
                    return new WaitResult(null, Result("Declined by the customer: " + _declineReason));
                case WorkflowEventKind.Extend when e.NewExpireAt is { } newExpireAt && Utc(newExpireAt) > now:
                    _expireAt = Utc(newExpireAt);
                    await PersistAsync();
                    continue;
                case WorkflowEventKind.Resend:
                    await NotifyAsync(NotificationOrigin.Manual);
                    await PersistAsync();
                    continue;

                // Time travel: only in an instance created to allow it, so that one a business raises elsewhere (Durable
                // Functions' raiseEvent) changes nothing. Decided by the input, so a replay takes the same branch.
                case WorkflowEventKind.RemindNow when _input.DevTimeTravel:
                    await RemindAsync();
                    continue;
                case WorkflowEventKind.ExpireNow when _input.DevTimeTravel:
                    return new WaitResult(null, await ExpireAsync());
                default:
                    _logger.EventIgnored(_input.WorkflowId, e.Kind.ToString(), e.StepName);
                    continue;
            }
        }
    }

    private async Task RemindAsync()
    {
        await NotifyAsync(NotificationOrigin.Reminder);
        await PersistAsync();
    }

    private async Task<WorkflowResult> ExpireAsync()
    {
        _status = WorkflowStatus.Expired;
        SetStep(_current, StepStatus.Expired);
        await NotifyAsync(NotificationOrigin.Expiry);
        await PersistAsync();
        return Result("The workflow expired.");
    }

    private async Task<WorkflowResult> FailAsync(string reason, string code = PaymentDeclineCodes.SystemError)
    {
        _status = WorkflowStatus.Failed;
        _failureReason = reason;
        _failureCode = code;
        SetStep(_current, StepStatus.Failed);
        await PersistAsync();
        return Result(reason);
    }

    /// <summary>ACH and wire settle later: a durable timer, then the settlement; the workflow is already COMPLETED.</summary>
    private async Task SettleAsync()
    {
        if (_settleAt is not { } settleAt || _transactionId is not { } transactionId)
        {
            return;
        }

        await _context.CreateTimer(Utc(settleAt), CancellationToken.None);
        try
        {
            var settled = await CallAsync<TransactionOutput>(ActivityNames.SettleTransaction, new SettleTransactionInput(_input.BusinessId, transactionId));
            SetData(settled.SealedData, settled.Data);
            Settled(settled);
            await PersistAsync();
        }
        catch (TaskFailedException e)
        {
            _logger.ActivityFailed(e.TaskName, _input.WorkflowId, e.FailureDetails.ErrorType);
        }
    }

    /// <summary>Sends the next SMS; false when it failed for good (reminders and expiry notices are best effort).</summary>
    private async Task<bool> NotifyAsync(NotificationOrigin origin, StatusAfterStep? then = null)
    {
        if (_plan.Notification.DeliveredByBusiness)
        {
            // The business hands over the link: nothing is texted, only the row the first SMS would have written.
            if (then is not null)
            {
                await CallAsync<bool>(ActivityNames.UpdateWorkflowStatus, then.With(null));
            }

            _lastNotifiedAt = Now;
            return true;
        }

        var serial = _nextSerial++;
        // Reminders count from when the SMS was scheduled: for the initial SMS that is the base Ahead() wrote into the row,
        // so that the row's next notification and the reminder timer agree.
        var sentAt = Now;
        try
        {
            await CallAsync<SendNotificationOutput>(
                ActivityNames.SendNotification, new SendNotificationInput(_input.BusinessId, _input.WorkflowId, serial, origin, then));
            _lastNotifiedAt = sentAt;
            return true;
        }
        catch (TaskFailedException e)
        {
            _logger.ActivityFailed(e.TaskName, _input.WorkflowId, e.FailureDetails.ErrorType);
            if (origin == NotificationOrigin.Reminder)
            {
                _lastNotifiedAt = Now; // do not retry a failed reminder before the next interval
            }

            return false;
        }
    }

    /// <summary>Every state change goes to the workflow row (versioned) and the custom status.</summary>
    private async Task PersistAsync()
    {
        var update = Snapshot();
        ShowStatus();
        await CallAsync<bool>(ActivityNames.UpdateWorkflowStatus, update);
    }

    /// <summary>Persists, unless the step's activity already wrote this state (<see cref="Ahead"/>).</summary>
    private async Task PersistUnlessWrittenAsync()
    {
        if (_written)
        {
            _written = false;
            ShowStatus();
            return;
        }

        await PersistAsync();
    }

    /// <summary>
    /// The snapshot the orchestrator will persist once the current step's activity has succeeded: the step completed and
    /// the next one active (after the notification, the workflow ACTIVE and its reminders counted from now), or the
    /// workflow COMPLETED after the last step. The activity fills in its own result and writes it (<see cref="StatusAfterStep"/>);
    /// the state here is left as it was: only a version is taken (unwritten if the activity fails, which leaves a gap, never
    /// a regression) and the completion time kept for the last step.
    /// </summary>
    private StatusAfterStep Ahead()
    {
        var (steps, current, status, lastNotifiedAt, completedAt) = (_steps.ToArray(), _current, _status, _lastNotifiedAt, _completedAt);
        var step = _current;
        SetStep(step, StepStatus.Completed);
        if (step == 0)
        {
            _status = WorkflowStatus.Active;
            _lastNotifiedAt = Now;
        }

        if (step + 1 < _steps.Length)
        {
            _current = step + 1;
            SetStep(_current, StepStatus.Active);
        }
        else
        {
            _status = WorkflowStatus.Completed;
            _completedAt = _completedAtAhead = Now;
        }

        var update = Snapshot();
        steps.CopyTo(_steps, 0);
        (_current, _status, _lastNotifiedAt, _completedAt) = (current, status, lastNotifiedAt, completedAt);
        return new StatusAfterStep(update, step);
    }

    /// <summary>The workflow row of the current state, with the next version.</summary>
    private WorkflowStatusUpdate Snapshot()
    {
        _version++;
        var next = NextReminderAt;
        return new WorkflowStatusUpdate(
            _input.BusinessId, _input.WorkflowId, _version, _status, _current, _steps.ToArray(), Offset(_expireAt), next is { } n ? Offset(n) : null,
            _completedAt is { } c ? Offset(c) : null, _declineReason, _declineComment, _failureReason, _customerId, _financialAccountId, _transactionId,
            [.. _data], _failureCode, _attempts.Count == 0 ? null : [.. _attempts]);
    }

    private void ShowStatus() =>
        _context.SetCustomStatus(new LinxCustomStatus(
            _status, _current, _steps[_current].Name, [.. _steps.Select(s => new LinxCustomStatusStep(s.Name, s.Status))], _expireAt, NextReminderAt));

    /// <summary>Creates the customer's account from a card or bank account submission: the step's (attempt 0) or a payment attempt's replacement.</summary>
    private Task<StepActivityOutput> CreateAccountAsync(FinancialAccountSubType subType, bool card, WorkflowEvent submitted, StatusAfterStep? then, int attempt = 0) =>
        CallAsync<StepActivityOutput>(
            ActivityNames.CreateFinancialAccount,
            new CreateFinancialAccountInput(
                _input.BusinessId, _input.WorkflowId, _customerId ?? Guid.Empty, subType, card ? submitted.SealedCard : null,
                card ? null : submitted.SealedBankAccount, then, card ? submitted.Card : null, card ? null : submitted.BankAccount, attempt));

    private Task<T> CallAsync<T>(string name, object input) => _context.CallActivityAsync<T>(name, input, LinxOrchestration.ActivityRetry);

    private void SetStep(int index, StepStatus status) => _steps[index] = _steps[index] with { Status = status };

    /// <summary>The current step's display data: sealed, or in the clear only as an activity's output in a history before ADR 0011.</summary>
    private void SetData(Sealed<IReadOnlyDictionary<string, string>>? data, IReadOnlyDictionary<string, string>? legacy)
    {
        _data[_current] = data;
        _steps[_current] = _steps[_current] with { Data = legacy };
    }

    private WorkflowResult Result(string? reason = null) =>
        new(_status, _customerId, _financialAccountId, _transactionId, _status == WorkflowStatus.Failed ? _failureReason : reason);

    private static string ToContract(DeclineReason reason) => reason switch
    {
        DeclineReason.DontKnowBusinessSender => "DONT_KNOW_BUSINESS_SENDER",
        DeclineReason.IncorrectInformation => "INCORRECT_INFORMATION",
        DeclineReason.NotInterested => "NOT_INTERESTED",
        _ => "OTHER",
    };

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300];

    private static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time, DateTimeKind.Utc);

    private static DateTimeOffset Offset(DateTime utc) => new(Utc(utc), TimeSpan.Zero);

    private sealed record WaitResult(WorkflowEvent? Event, WorkflowResult? Ended);
}
