namespace LinX.Bench.Harness;

/// <summary>How a scripted workflow ends.</summary>
public enum ScriptEnding
{
    /// <summary>The customer completes every step: COMPLETED.</summary>
    Complete,

    /// <summary>The customer completes every step but the last, then declines it: DECLINED.</summary>
    Decline,

    /// <summary>The business cancels once the customer has the link: CANCELLED.</summary>
    Cancel,
}

/// <summary>A seed example and what its customer (or business) does with it; says what must exist at the end.</summary>
public sealed record WorkflowScript(int Seed, ScriptEnding Ending)
{
    public IReadOnlyList<string> Steps => Seeds.StepsOf(Seed);

    /// <summary>The steps the customer submits (all of them, or all but the declined last one).</summary>
    public IReadOnlyList<string> Submitted => Ending switch
    {
        ScriptEnding.Complete => Steps,
        ScriptEnding.Decline => [.. Steps.Take(Steps.Count - 1)],
        _ => [],
    };

    public string ExpectedStatus => Ending switch
    {
        ScriptEnding.Complete => "COMPLETED",
        ScriptEnding.Decline => "DECLINED",
        _ => "CANCELLED",
    };

    /// <summary>Customers this workflow must have created (exactly; 0 or 1).</summary>
    public int ExpectedCustomers => Submitted.Contains("customer-account") ? 1 : 0;

    /// <summary>Financial accounts this workflow must have created (exactly; 0 or 1).</summary>
    public int ExpectedFinancialAccounts => Submitted.Contains("financial-account") ? 1 : 0;

    /// <summary>Transactions this workflow must have created (exactly; 0 or 1).</summary>
    public int ExpectedTransactions => Submitted.Contains("move-money") ? 1 : 0;

    /// <summary>A deterministic mix: seeds 1..4 in turn; every fifth declines, every seventh is cancelled.</summary>
    public static WorkflowScript Mixed(int index) => new(
        (index % 4) + 1,
        index % 7 == 6 ? ScriptEnding.Cancel : index % 5 == 4 ? ScriptEnding.Decline : ScriptEnding.Complete);
}
