using System.Text;
using LinX.Core.Customers;
using LinX.Core.Gateway;

namespace LinX.Core.Tests.Gateway;

/// <summary>The Gateway's profile takes RocketKOR's alpha-3 country codes as well as alpha-2 (issue 18), and keeps alpha-2.</summary>
public sealed class SubmissionParserCountryTests
{
    [Theory]
    [InlineData("CA", "ON", "M5V 2T6", "CA")]
    [InlineData("CAN", "ON", "M5V 2T6", "CA")]
    [InlineData("can", "ON", "M5V 2T6", "CA")]
    [InlineData("USA", "TX", "73301", "US")]
    public void Profile_CountryCodeAlpha2OrAlpha3_IsKeptAsAlpha2(string given, string state, string postal, string expected)
    {
        var (profile, errors) = Parse(given, state, postal);

        Assert.Empty(errors);
        Assert.Equal(expected, profile!.Address.CountryCode);
    }

    [Theory]
    [InlineData("FRA")]
    [InlineData("CANADA")]
    public void Profile_OtherCountryCode_IsRefusedWithItsPath(string given)
    {
        var (profile, errors) = Parse(given, "ON", "M5V 2T6");

        Assert.Null(profile);
        Assert.Contains(errors, e => e.Path == "$.address.countryCode");
    }

    private static (CustomerProfile? Profile, IReadOnlyList<FieldError> Errors) Parse(string country, string state, string postal)
    {
        var json = $$"""
            { "firstName": "Jane", "lastName": "Roe", "email": "jane.roe@example.com", "dateOfBirth": "1990-04-01",
              "address": { "streetLine1": "1 Main St", "city": "Toronto", "stateCode": "{{state}}", "postalCode": "{{postal}}", "countryCode": "{{country}}" } }
            """;
        using var document = JsonBody.Parse(Encoding.UTF8.GetBytes(json), out var malformed);
        Assert.Null(malformed);
        var body = JsonBody.Collect();
        var profile = SubmissionParser.Profile(document!.RootElement, body, new DateOnly(2026, 12, 2));
        return (profile, body.Errors);
    }
}
