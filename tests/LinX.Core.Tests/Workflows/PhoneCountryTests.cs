using LinX.Core.Businesses;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Workflows;

public sealed class PhoneCountryTests
{
    [Theory]
    [InlineData("+16471234567", "CA")] // the seed's number: a range the metadata does not list, judged by its area code
    [InlineData("+14165550123", "CA")]
    [InlineData("+12125550123", "US")]
    [InlineData("+18765550123", "JM")]
    [InlineData("+447700900123", "GB")]
    [InlineData("+33612345678", "FR")]
    public void Of_MobileNumber_IsItsCountry(string number, string country) =>
        Assert.Equal(country, PhoneCountry.Of(number));

    [Fact]
    public void Of_NotANumber_IsNull() => Assert.Null(PhoneCountry.Of("+999123456789"));

    [Fact]
    public void MayText_NoList_OnlyTheBusinessesOwnCountry()
    {
        var business = new Business(Guid.NewGuid(), "Maple", DateTimeOffset.UnixEpoch) { Country = "CA" };
        var northAmerica = business with { AllowedSmsCountries = ["CA", "US"] };

        Assert.Equal((true, false, false), (business.MayText("CA"), business.MayText("US"), business.MayText(null)));
        Assert.Equal((true, true, false), (northAmerica.MayText("CA"), northAmerica.MayText("US"), northAmerica.MayText("GB")));
    }
}
