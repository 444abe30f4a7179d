using System.Globalization;

namespace LinX.Testing;

/// <summary>
/// Mobile numbers for tests that share one host: +1 647 and an exchange of the test class's own, then four random digits,
/// so that classes (and runs) rarely text the same number and read each other's SMS.
/// </summary>
public static class TestPhones
{
    /// <summary>A number <c>+1647{exchange}dddd</c>.</summary>
    public static string New(string exchange) =>
        string.Create(CultureInfo.InvariantCulture, $"+1647{exchange}{Random.Shared.Next(1000, 10000)}");
}
