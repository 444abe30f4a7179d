namespace LinX.Bench;

/// <summary>
/// The fewest storage requests the design needs to take one seed example from create to COMPLETED, given the
/// orchestrator's sequence (DESIGN.md §3: each step an activity, each state change persisted by an activity, one
/// timer raced against each wait): create 4 (workflow row with its idempotency index in one batch, link-token row,
/// instance row, start message); per episode 3 (history query, commit batch, message delete); per activity 3
/// (work-item enqueue and delete, result enqueue) plus its own minimum I/O; per timer 2 (enqueue, and the
/// delete every queue message needs: when it fires, or when the instance ends first); per customer submission 3
/// (link-token read, workflow read, event enqueue). Queue polls are left out (amortised over batches).
/// </summary>
internal static class DesignMinimum
{
    /// <summary>(activities, submissions, timers, activity I/O) of each seed; see docs/performance.md for the derivation.</summary>
    private static readonly (int Activities, int Submissions, int Timers, int ActivityIo)[] Shapes =
    [
        (4, 1, 1, 7),    // 1: SendNotification(4) Update CreateCustomerAccount(1) Update
        (7, 2, 2, 10),   // 2: SendNotification Update LookupProfile Update | Update CreateFinancialAccount Update
        (8, 3, 3, 12),   // 3: SendNotification Update CreateCustomer Update CreateFinancial Update MoveMoney(2) Update
        (10, 3, 3, 14),  // 4: SendNotification Update LookupProfile Update Update LookupFinancial Update Update MoveMoney(2) Update
    ];

    public static int ForSeed(int seed)
    {
        var (a, s, t, io) = Shapes[seed - 1];
        var episodes = 1 + a + s;
        return 4 + (3 * episodes) + (3 * a) + (2 * t) + (3 * s) + io;
    }

    public static double AverageOverSeeds() => Enumerable.Range(1, 4).Average(ForSeed);
}
