namespace LinX.Testing;

/// <summary>
/// What a test customer submits of themselves when a test looks for it afterwards (the personal-data scans, ADR 0011):
/// values distinctive enough that no other text (titles, seeds, other tests' data, logs) can contain them.
/// </summary>
public static class DistinctivePersonalData
{
    public const string FirstName = "Zenobia";
    public const string LastName = "Quackenbush";
    public const string Email = "zenobia.quackenbush@example.com";
    public const string DateOfBirth = "1990-01-31";

    /// <summary><see cref="DateOfBirth"/> as <c>DateOnly.ToString(CultureInfo.InvariantCulture)</c> writes it.</summary>
    public const string DateOfBirthAsText = "01/31/1990";

    public const string StreetLine = "77 Wolfeschlegel Lane";
    public const string City = "Xanthorpe";
    public const string NameOnCard = "Ottoline Marchbanks";
    public const string NameOnAccount = "Peregrine Fairweather";

    /// <summary>A card's billing postal code (a valid one of "other countries": 3 to 10 letters and digits); never stored.</summary>
    public const string BillingPostalCode = "ZQ4X7W9";

    /// <summary>A card's CVC; never stored (too short to scan for on its own: its postal code travels with it).</summary>
    public const string Cvc = "739";
}
