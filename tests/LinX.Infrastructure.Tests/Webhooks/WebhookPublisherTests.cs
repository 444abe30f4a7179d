using Grpc.Core;
using LinX.Core.Webhooks;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;
using Microsoft.DurableTask.Client;

namespace LinX.Infrastructure.Tests.Webhooks;

/// <summary><see cref="WebhookPublisher.KickAsync"/>: the dispatcher of (subscription, workflow) runs once and is told to look again.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class WebhookPublisherTests(AzuriteFixture azurite)
{
    private readonly Guid _subscription = Guid.NewGuid();
    private readonly Guid _workflow = Guid.NewGuid();

    private string InstanceId => WebhookDispatchOrchestration.InstanceIdOf(_subscription, _workflow);

    [Fact]
    public async Task KickAsync_NoDispatcher_StartsOneWithTheRetrySchedule()
    {
        await using var host = await TestHost.StartAsync(azurite);

        await KickAsync(host);

        var instance = Assert.Single(host.Orchestrations.Instances);
        Assert.Equal((WebhookDispatchOrchestration.Name, InstanceId, OrchestrationRuntimeStatus.Pending), (instance.Name, instance.InstanceId, instance.Status));
        var input = Assert.IsType<WebhookDispatchInput>(instance.Input);
        var defaults = new WebhookOptions();
        Assert.Equal(
            new WebhookDispatchInput(DemoData.BusinessId, _subscription, _workflow, defaults.FirstRetryDelay, defaults.MaxRetryDelay, defaults.RetryWindow, defaults.DispatcherIdleTimeout),
            input);
        Assert.Empty(host.Orchestrations.Raised);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Pending)]
    [InlineData(OrchestrationRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Suspended)]
    public async Task KickAsync_DispatcherNotFinished_RaisesTheEventAndStartsNothing(OrchestrationRuntimeStatus status)
    {
        await using var host = await TestHost.StartAsync(azurite);
        await KickAsync(host);
        host.Orchestrations.SetStatus(InstanceId, status);

        await KickAsync(host);

        var raised = Assert.Single(host.Orchestrations.Raised);
        Assert.Equal((InstanceId, WebhookDispatchOrchestration.EventName), (raised.InstanceId, raised.EventName));
        Assert.True(Assert.IsType<bool>(raised.Payload));
        Assert.Single(host.Orchestrations.Scheduled);
        var instance = Assert.Single(host.Orchestrations.Instances);
        Assert.Equal((status, 1), (instance.Status, instance.Generation));
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Failed)]
    [InlineData(OrchestrationRuntimeStatus.Terminated)]
    public async Task KickAsync_DispatcherFinished_StartsItAgain(OrchestrationRuntimeStatus status)
    {
        await using var host = await TestHost.StartAsync(azurite);
        await KickAsync(host);
        host.Orchestrations.SetStatus(InstanceId, status);

        await KickAsync(host);

        var instance = Assert.Single(host.Orchestrations.Instances);
        Assert.Equal((OrchestrationRuntimeStatus.Pending, 2), (instance.Status, instance.Generation));
        Assert.Empty(host.Orchestrations.Raised);
    }

    [Fact]
    public async Task KickAsync_DispatcherEndsBetweenReadAndEvent_StartsItAgain()
    {
        await using var host = await TestHost.StartAsync(azurite);
        await KickAsync(host);
        host.Orchestrations.SetStatus(InstanceId, OrchestrationRuntimeStatus.Running);
        host.Orchestrations.BeforeRaise = id => host.Orchestrations.SetStatus(id, OrchestrationRuntimeStatus.Completed);

        await KickAsync(host);

        Assert.Equal([(InstanceId, StatusCode.FailedPrecondition)], host.Orchestrations.Refused);
        var instance = Assert.Single(host.Orchestrations.Instances);
        Assert.Equal((OrchestrationRuntimeStatus.Pending, 2), (instance.Status, instance.Generation));
        Assert.Empty(host.Orchestrations.Raised);
    }

    private Task KickAsync(TestHost host) =>
        host.Get<WebhookPublisher>().KickAsync(DemoData.BusinessId, _subscription, _workflow, CancellationToken.None);
}
