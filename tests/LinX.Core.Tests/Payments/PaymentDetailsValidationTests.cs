using LinX.Core.Payments;

namespace LinX.Core.Tests.Payments;

public sealed class PaymentDetailsValidationTests
{
    [Theory]
    [InlineData("4242424242424242", true)]
    [InlineData("5555555555554444", true)]
    [InlineData("378282246310005", true)]
    [InlineData("4242424242424241", false)]
    [InlineData("1234", false)]
    public void IsCardNumber_KnownNumbers_MatchLuhn(string number, bool expected) =>
        Assert.Equal(expected, PaymentDetailsValidation.IsCardNumber(number));

    [Theory]
    [InlineData("4242424242424242", "VISA")]
    [InlineData("5555555555554444", "MASTERCARD")]
    [InlineData("2223003122003222", "MASTERCARD")]
    [InlineData("378282246310005", "AMEX")]
    [InlineData("6011111111111117", "DISCOVER")]
    [InlineData("3530111333300000", "CARD")]
    public void Brand_Prefix_IsDetected(string number, string brand) => Assert.Equal(brand, PaymentDetailsValidation.Brand(number));

    [Theory]
    [InlineData("011000015", true)]
    [InlineData("021000021", true)]
    [InlineData("011000016", false)]
    [InlineData("000000000", false)]
    [InlineData("01100001", false)]
    [InlineData("01100001a", false)]
    public void IsAbaRoutingNumber_Checksum_IsApplied(string routing, bool expected) =>
        Assert.Equal(expected, PaymentDetailsValidation.IsAbaRoutingNumber(routing));

    [Theory]
    [InlineData("1234", true)]
    [InlineData("12345678901234567", true)]
    [InlineData("123", false)]
    [InlineData("123456789012345678", false)]
    [InlineData("12 34", false)]
    public void IsAccountNumber_Length4To17Digits(string account, bool expected) =>
        Assert.Equal(expected, PaymentDetailsValidation.IsAccountNumber(account));

    [Theory]
    [InlineData("4242 4242-4242 4242", "4242424242424242")]
    [InlineData("4242x", null)]
    public void Digits_SpacesAndDashes_AreRemoved(string text, string? expected) => Assert.Equal(expected, PaymentDetailsValidation.Digits(text));
}
