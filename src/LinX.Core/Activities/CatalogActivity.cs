using LinX.Core.Orchestration;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace LinX.Core.Activities;

/// <summary>
/// A LinX activity as a Durable Task SDK activity: the worker creates one per execution in its own DI scope, so the
/// activity and everything it depends on are resolved per run. Runs until done or until the host stops.
/// </summary>
public sealed class CatalogActivity<TActivity, TInput, TOutput> : TaskActivity<TInput, TOutput>
    where TActivity : IActivity<TInput, TOutput>
{
    private readonly TActivity _activity;
    private readonly CancellationToken _stopping;

    public CatalogActivity(TActivity activity, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        _activity = activity;
        _stopping = lifetime.ApplicationStopping;
    }

    public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => _activity.RunAsync(input, _stopping);
}
