namespace LinX.Core.Consent;

/// <summary>
/// The one decision a money-moving workflow takes before its money moves: the customer accepted it or the business
/// cancelled it. Whichever is recorded first stands (an insert-only row), so a cancel racing the acceptance either wins
/// (the acceptance is refused) or loses with a 409, never silently.
/// </summary>
public enum WorkflowDecision
{
    Accepted,
    Cancelled,
}
