using LinX.Core.Customers;

namespace LinX.Core.Tests.Customers;

public sealed class CustomerSearchTermsTests
{
    private static readonly Customer Zoe = new(
        Guid.NewGuid(), Guid.NewGuid(), "Zoë", "Tremblay-Roy", "Zoe.T@Example.com", new DateOnly(1990, 4, 1),
        new PostalAddress("1 Main Street", null, "Toronto", "ON", "M5V 2T6", "CA"), "+1647***4567", null, DateTimeOffset.UtcNow)
    {
        PhoneNumber = "+16475550199",
    };

    [Fact]
    public void Of_Customer_IsEmailPhoneAndEachNameWordFolded()
    {
        var terms = CustomerSearchTerms.Of(Zoe);

        Assert.Equal(["email:zoe.t@example.com", "phone:+16475550199", "name:zoe", "name:tremblay", "name:roy"], terms);
    }

    [Theory]
    [InlineData("  ZOE.T@example.COM ", "email:zoe.t@example.com")]
    [InlineData("+1 647 555 0199", "phone:+16475550199")]
    [InlineData("(647) 555-0199", "phone:+16475550199")]
    [InlineData("ZOË", "name:zoe")]
    [InlineData("Zoe\u0308", "name:zoe")]
    public void Parse_Search_GivesTheTermsACustomerIsIndexedBy(string search, string expected)
    {
        var terms = CustomerSearchTerms.Parse(search, "CA");

        Assert.Equal([expected], terms);
        Assert.Contains(expected, CustomerSearchTerms.Of(Zoe));
    }

    [Fact]
    public void Parse_ManyWords_KeepsAtMostFourDistinct()
    {
        var terms = CustomerSearchTerms.Parse("a b a c d e f", "CA");

        Assert.Equal(["name:a", "name:b", "name:c", "name:d"], terms);
    }

    [Fact]
    public void Parse_OnlySeparators_IsEmpty()
    {
        Assert.Empty(CustomerSearchTerms.Parse(" - . ", "CA"));
    }
}
