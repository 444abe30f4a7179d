using LinX.Functions.Management;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Moq;

namespace LinX.Functions.Tests.Management;

/// <summary>Durable Functions' own management payload (the extension's code, on a binding's client), minus the system key.</summary>
public sealed class FunctionsManagementUrlsTests
{
    private const string InstanceId = "4b3c0e8e-6f0a-4a35-9d6e-0c1c3a1f2b7d";

    [Fact]
    public void Create_BindingWithSystemKey_KeepsEveryOtherParameterAndDropsTheKey()
    {
        var urls = new FunctionsManagementUrls(Bound("taskHub=linx&code=SYSTEM-KEY&connection=Storage"));

        var payload = urls.Create(new DefaultHttpContext().Request, InstanceId);

        var instance = $"{DurableBinding.HttpBaseUrl}/instances/{InstanceId}";
        Assert.Equal(InstanceId, payload.Id);
        Assert.Equal($"{instance}?taskHub=linx&connection=Storage", payload.StatusQueryGetUri);
        Assert.Equal($"{instance}/raiseEvent/{{eventName}}?taskHub=linx&connection=Storage", payload.SendEventPostUri);
        Assert.Equal($"{instance}/terminate?reason={{text}}&taskHub=linx&connection=Storage", payload.TerminatePostUri);
        Assert.Equal($"{instance}?taskHub=linx&connection=Storage", payload.PurgeHistoryDeleteUri);
    }

    [Fact]
    public void Create_OnlyTheSystemKey_LeavesNoEmptyQuery()
    {
        var payload = new FunctionsManagementUrls(Bound("code=SYSTEM-KEY")).Create(new DefaultHttpContext().Request, InstanceId);

        Assert.Equal($"{DurableBinding.HttpBaseUrl}/instances/{InstanceId}", payload.StatusQueryGetUri);
        Assert.Equal($"{DurableBinding.HttpBaseUrl}/instances/{InstanceId}/terminate?reason={{text}}", payload.TerminatePostUri);
    }

    [Theory]
    [InlineData("code=SYSTEM-KEY&taskHub=linx", "taskHub=linx")]
    [InlineData("taskHub=linx&CODE=SYSTEM-KEY", "taskHub=linx")]
    [InlineData("taskHub=linx&code=SYSTEM-KEY&code=OTHER-KEY", "taskHub=linx")]
    [InlineData("taskHub=linx&barcode=1&code=SYSTEM-KEY", "taskHub=linx&barcode=1")]
    public void Create_SystemKeyAnywhereInTheQuery_IsInNoUriAndEveryOtherParameterStays(string queryString, string kept)
    {
        var payload = new FunctionsManagementUrls(Bound(queryString)).Create(new DefaultHttpContext().Request, InstanceId);

        string[] uris = [payload.StatusQueryGetUri, payload.SendEventPostUri, payload.TerminatePostUri, payload.PurgeHistoryDeleteUri];
        Assert.All(uris, uri => Assert.DoesNotContain("KEY", uri, StringComparison.Ordinal));
        Assert.All(uris, uri => Assert.EndsWith(kept, uri, StringComparison.Ordinal));
    }

    [Fact]
    public void Create_ClientWithoutBindingData_FailsInsteadOfAnsweringWithoutUris()
    {
        var urls = new FunctionsManagementUrls(new Mock<DurableTaskClient>(MockBehavior.Strict, "linx").Object);

        Assert.Throws<InvalidOperationException>(() => urls.Create(new DefaultHttpContext().Request, InstanceId));
    }

    [Fact]
    public void Create_InstanceIdWithReservedCharacters_EscapesIt()
    {
        var payload = new FunctionsManagementUrls(Bound(null)).Create(new DefaultHttpContext().Request, "a b/c");

        Assert.Equal($"{DurableBinding.HttpBaseUrl}/instances/a%20b%2Fc", payload.StatusQueryGetUri);
    }

    private static DurableTaskClient Bound(string? queryString) =>
        DurableBinding.Wrap(new Mock<DurableTaskClient>(MockBehavior.Strict, "linx").Object, queryString);
}
