using System.Text;
using LinX.Core.Workflows;

namespace LinX.Core.Customers;

/// <summary>
/// The normalised terms a customer is found by, and those of a search: the e-mail address (lower case), the phone number
/// (E.164) and each word of the first and last names (lower case, without accents). The store keeps only keyed hashes of
/// them, so a search matches whole terms (<c>doe</c>, <c>john.doe@example.com</c>, <c>+16471234567</c>), not parts.
/// </summary>
public static class CustomerSearchTerms
{
    public const int MaxWords = 4;

    /// <summary>The terms <paramref name="customer"/> is found by, each once.</summary>
    public static IReadOnlyList<string> Of(Customer customer) =>
    [
        .. new[] { Email(customer.Email) }
            .Concat(customer.PhoneNumber is { } phone ? [Phone(phone)] : [])
            .Concat(Words(customer.FirstName + " " + customer.LastName))
            .Distinct(),
    ];

    /// <summary>
    /// The terms of a search: one e-mail address, one phone number (international, or national to the business's
    /// <paramref name="country"/>), or up to <see cref="MaxWords"/> name words that must all match. Empty when nothing is searchable.
    /// </summary>
    public static IReadOnlyList<string> Parse(string search, string country)
    {
        var text = search.Trim();
        if (text.Contains('@', StringComparison.Ordinal))
        {
            return [Email(text)];
        }

        return PhoneCountry.NormalizeOrNull(text, country) is { } e164 ? [Phone(e164)] : [.. Words(text).Distinct().Take(MaxWords)];
    }

    private static string Email(string email) => "email:" + email.Trim().ToLowerInvariant();

    /// <summary>The term of a phone number (E.164).</summary>
    public static string PhoneTerm(string e164) => "phone:" + e164;

    private static string Phone(string e164) => PhoneTerm(e164);

    private static IEnumerable<string> Words(string names) =>
        names.Split([' ', '-', '\'', '’', '.', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(word => "name:" + WithoutAccents(word));

    // The host runs with invariant globalization (no Unicode normalisation data), so accents are folded by table: the
    // Latin-1 letters names use, and combining marks (U+0300 to U+036F) dropped.
    private const string Accented = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿ";
    private const string Plain = "aaaaaaceeeeiiiinoooooouuuuyy";

    private static string WithoutAccents(string word)
    {
        var kept = new StringBuilder(word.Length);
        foreach (var c in word.ToLowerInvariant())
        {
            var index = Accented.IndexOf(c, StringComparison.Ordinal);
            if (index >= 0)
            {
                kept.Append(Plain[index]);
            }
            else if (c is < '\u0300' or > '\u036F')
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }
}
