using LinX.Core.Notifications;

namespace LinX.Core.Tests.Notifications;

public sealed class SmsIdempotencyTests
{
    private static readonly Guid WorkflowId = Guid.Parse("4b3c0e8e-6f0a-4a35-9d6e-0c1c3a1f2b7d");
    private static readonly DateTimeOffset FirstAttemptAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ForNotification_SameSms_IsTheSameOnEveryHostAndEveryBuild()
    {
        var idempotency = SmsIdempotency.ForNotification(WorkflowId, 2, 0, FirstAttemptAt);

        // Pinned: a derivation that changed across a deploy would make ACS send in-flight SMS again.
        Assert.Equal(Guid.Parse("66565fbd-ca7f-5310-a25a-470f0dbecc4c"), idempotency.RequestId);
        Assert.Equal(FirstAttemptAt, idempotency.FirstAttemptAt);
        Assert.Equal(idempotency, SmsIdempotency.ForNotification(WorkflowId, 2, 0, FirstAttemptAt));
    }

    [Fact]
    public void ForNotification_OtherSerialGenerationOrWorkflow_IsAnotherRequest()
    {
        var ids = new[]
        {
            SmsIdempotency.ForNotification(WorkflowId, 2, 0, FirstAttemptAt).RequestId,
            SmsIdempotency.ForNotification(WorkflowId, 3, 0, FirstAttemptAt).RequestId,
            SmsIdempotency.ForNotification(WorkflowId, 2, 1, FirstAttemptAt).RequestId,
            SmsIdempotency.ForNotification(Guid.NewGuid(), 2, 0, FirstAttemptAt).RequestId,
            SmsIdempotency.ForNotification(WorkflowId, 21, 0, FirstAttemptAt).RequestId,
        };

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }
}
