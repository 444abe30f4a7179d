using LinX.Core.Customers;
using LinX.Core.Gateway;
using LinX.Core.Orchestration;
using LinX.Core.Security;
using Microsoft.Extensions.Logging;

namespace LinX.Core.Activities;

/// <summary>
/// Adds what the customer entered on the enhance-profile step (sealed by the Gateway, opened only here: ADR 0011) to the
/// workflow's customer, then writes the workflow row the orchestrator asked for; the step data it returns is masked and
/// sealed. A re-run writes the same profile again and the row, versioned, once.
/// </summary>
public sealed class EnhanceProfileActivity : IActivity<EnhanceProfileInput, StepActivityOutput>
{
    private readonly ICustomerStore _customers;
    private readonly UpdateWorkflowStatusActivity _status;
    private readonly CustomerSubmissions _submissions;
    private readonly LinXCrypto _crypto;
    private readonly TimeProvider _time;
    private readonly ILogger<EnhanceProfileActivity> _logger;

    public EnhanceProfileActivity(
        ICustomerStore customers, UpdateWorkflowStatusActivity status, CustomerSubmissions submissions, LinXCrypto crypto, TimeProvider time,
        ILogger<EnhanceProfileActivity> logger)
    {
        _customers = customers;
        _status = status;
        _submissions = submissions;
        _crypto = crypto;
        _time = time;
        _logger = logger;
    }

    public async Task<StepActivityOutput> RunAsync(EnhanceProfileInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var enhancement = _submissions.Open(input.WorkflowId, input.SealedEnhancement);
        var customer = await _customers.GetAsync(input.BusinessId, input.CustomerId, cancellationToken)
            ?? throw new InvalidOperationException("The workflow's customer is not stored.");
        var enhanced = customer.With(enhancement, _time.GetUtcNow());
        await _customers.UpdateAsync(enhanced, cancellationToken);
        _logger.CustomerProfileEnhanced(input.WorkflowId, customer.CustomerId);
        var data = StepData.Enhancement(enhanced, enhancement);
        await _status.WriteAfterStepAsync(input.Then, then => then.With(data), cancellationToken);
        return new StepActivityOutput(customer.CustomerId, true, StepData.Seal(_crypto, input.WorkflowId, data));
    }
}
