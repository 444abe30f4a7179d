using LinX.Core.Workflows;

namespace LinX.Core.Tests.Workflows;

public sealed class PaymentReasonCatalogTests
{
    [Fact]
    public void All_IdsAreUniqueKebabCaseWithDisplayNames()
    {
        Assert.Equal(PaymentReasonCatalog.All.Count, PaymentReasonCatalog.All.Select(r => r.Id).Distinct().Count());
        Assert.All(PaymentReasonCatalog.All, r =>
        {
            Assert.Matches("^[a-z]+(-[a-z]+)*$", r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.DisplayName));
        });
    }

    [Theory]
    [InlineData("payment-of-rebates", "Payment of rebates")]
    [InlineData("refund", "Refund")]
    [InlineData("other", "Other")]
    public void Find_KnownId_ReturnsReason(string id, string displayName)
    {
        Assert.Equal(new PaymentReason(id, displayName), PaymentReasonCatalog.Find(id));
    }

    [Theory]
    [InlineData("Refund")]
    [InlineData("gift")]
    public void Find_UnknownOrWrongCase_ReturnsNull(string id)
    {
        Assert.Null(PaymentReasonCatalog.Find(id));
    }
}
