namespace LinX.Core.Customers;

/// <summary>The countries of customers' addresses: stored as ISO 3166-1 alpha-2, shown to businesses as alpha-3 (RocketKOR's).</summary>
public static class CountryCodes
{
    /// <summary><c>CA</c> → <c>CAN</c>, <c>US</c> → <c>USA</c>; any other code as it is.</summary>
    public static string Alpha3(string alpha2) => alpha2 switch
    {
        "CA" => "CAN",
        "US" => "USA",
        _ => alpha2,
    };

    /// <summary><c>CAN</c> → <c>CA</c>, <c>USA</c> → <c>US</c>; any other code as it is.</summary>
    public static string Alpha2(string code) => code switch
    {
        "CAN" => "CA",
        "USA" => "US",
        _ => code,
    };
}
