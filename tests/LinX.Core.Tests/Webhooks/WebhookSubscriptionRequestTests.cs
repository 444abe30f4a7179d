using System.Text;
using LinX.Core.Webhooks;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Webhooks;

public sealed class WebhookSubscriptionRequestTests
{
    [Theory]
    [InlineData("https://hooks.example.com/linx\\r\\nX-Injected: 1")]
    [InlineData("https://[::a9fe:a9fe]/hook")]
    public void Parse_UnsafeReceiverUrl_IsAFieldErrorAtUrlAndNothingIsKept(string url)
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes($$"""{"url":"{{url}}","eventTypes":["{{WebhookEventTypes.WorkflowCompleted}}"]}""");

        // Act
        var request = WebhookSubscriptionRequest.Parse(body, new WebhookOptions());

        // Assert
        Assert.Null(request.Url);
        var error = Assert.Single(request.Errors);
        Assert.Equal(("$.url", WorkflowErrorCodes.InvalidValue), (error.Path, error.ErrorCode));
    }
}
