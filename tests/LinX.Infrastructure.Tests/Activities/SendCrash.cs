using System.Collections.Concurrent;
using LinX.Core.Activities;
using LinX.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Infrastructure.Tests.Activities;

/// <summary>
/// A host that dies between the provider accepting an SMS and LinX recording it: the send reached the provider, the
/// answer never came back, and the claim stays held until its lease runs out (a dead host releases nothing).
/// </summary>
internal static class SendCrash
{
    /// <summary>Runs <paramref name="input"/> on such a host, on <paramref name="time"/>; answers what it sent the provider.</summary>
    public static async Task<SmsIdempotency> DieAfterAcceptanceAsync(IServiceProvider services, ISmsSender provider, SendNotificationInput input, TimeProvider time)
    {
        var lost = new AnswerLostSmsSender(provider);
        var dying = ActivatorUtilities.CreateInstance<SendNotificationActivity>(
            services, (ISmsSender)lost, (INotificationStore)new NeverReleasingStore(services.GetRequiredService<INotificationStore>()), time);
        await Assert.ThrowsAsync<HttpRequestException>(() => dying.RunAsync(input, CancellationToken.None));
        return Assert.Single(lost.Attempts);
    }

    /// <summary>The store as a dead host leaves it: its claim is never released, the lease only runs out.</summary>
    private sealed class NeverReleasingStore(INotificationStore inner) : INotificationStore
    {
        public Task<NotificationRecord?> GetAsync(Guid workflowId, int serial, CancellationToken cancellationToken) => inner.GetAsync(workflowId, serial, cancellationToken);

        public Task<NotificationClaim> ClaimAsync(Guid workflowId, Guid businessId, int serial, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
            inner.ClaimAsync(workflowId, businessId, serial, now, leaseUntil, cancellationToken);

        public Task<NotificationClaim> RestartAttemptAsync(NotificationClaim claim, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.RestartAttemptAsync(claim, now, cancellationToken);

        public Task<NotificationRecord> CompleteAsync(NotificationClaim claim, NotificationRecord record, CancellationToken cancellationToken) =>
            inner.CompleteAsync(claim, record, cancellationToken);

        public Task ReleaseAsync(NotificationClaim claim, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<NotificationRecord>> ListAsync(Guid workflowId, CancellationToken cancellationToken) => inner.ListAsync(workflowId, cancellationToken);
    }
}

/// <summary>Sends through the provider, which accepts, then loses the answer (a reset connection, a timeout).</summary>
internal sealed class AnswerLostSmsSender(ISmsSender provider) : ISmsSender
{
    private readonly ConcurrentQueue<SmsIdempotency> _attempts = new();

    /// <summary>What each send asked the provider to repeat.</summary>
    public IReadOnlyList<SmsIdempotency> Attempts => [.. _attempts];

    public async Task<SmsSendResult> SendAsync(string toE164, string message, SmsIdempotency idempotency, CancellationToken cancellationToken)
    {
        _attempts.Enqueue(idempotency);
        await provider.SendAsync(toE164, message, idempotency, cancellationToken);
        throw new HttpRequestException("The connection was reset after the provider accepted the SMS.");
    }
}
