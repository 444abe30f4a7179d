using LinX.Core.Management;
using LinX.Functions.Durable;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace LinX.Functions.Tests.Durable;

/// <summary>The invocation's Durable client in DI: what the binding gave the function, or a loud failure.</summary>
public sealed class DurableClientBindingTests : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _services = FunctionsHostFixture.NewServices("UseDevelopmentStorage=true", "Binding")
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task DurableTaskClient_BoundByTheFunction_IsTheBindingsClientForEveryServiceOfTheInvocation()
    {
        await using var scope = _services.CreateAsyncScope();
        var bound = DurableBinding.Wrap(new Mock<DurableTaskClient>(MockBehavior.Strict, "linx").Object);

        scope.ServiceProvider.GetRequiredService<DurableClientBinding>().Bind(bound);

        Assert.Same(bound, scope.ServiceProvider.GetRequiredService<DurableTaskClient>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<WorkflowService>());
    }

    [Fact]
    public async Task DurableTaskClient_NotBound_FailsLoudlyNamingTheMissingBinding()
    {
        await using var scope = _services.CreateAsyncScope();

        var error = Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<WorkflowService>());

        Assert.Contains("[DurableClient]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DurableTaskClient_BoundInOneInvocation_IsNotSeenByAnother()
    {
        await using var first = _services.CreateAsyncScope();
        await using var second = _services.CreateAsyncScope();
        first.ServiceProvider.GetRequiredService<DurableClientBinding>().Bind(DurableBinding.Wrap(new Mock<DurableTaskClient>(MockBehavior.Strict, "linx").Object));

        Assert.Throws<InvalidOperationException>(() => second.ServiceProvider.GetRequiredService<DurableTaskClient>());
    }

    [Fact]
    public async Task InvocationScope_Disposed_LeavesTheConnectionBehindTheBindingOpen()
    {
        // The container disposes the scoped client with the invocation; the binding's client is a per-invocation
        // wrapper whose disposal must not reach the shared connection (a strict mock: DisposeAsync would throw).
        var connection = new Mock<DurableTaskClient>(MockBehavior.Strict, "linx");
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<DurableClientBinding>().Bind(DurableBinding.Wrap(connection.Object));
        _ = scope.ServiceProvider.GetRequiredService<DurableTaskClient>();

        await scope.DisposeAsync();

        connection.VerifyNoOtherCalls();
    }

    [Fact]
    public void Bind_Null_IsRefused()
    {
        Assert.Throws<ArgumentNullException>(() => new DurableClientBinding().Bind(null!));
    }
}
