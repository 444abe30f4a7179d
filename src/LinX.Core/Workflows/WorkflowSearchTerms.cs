using LinX.Core.Customers;
using LinX.Core.Security;

namespace LinX.Core.Workflows;

/// <summary>
/// The terms a workflow is found by, as the keyed hashes its index stores: the phone number the link goes to (known at
/// create) and its customer's first and last names, e-mail and phone (once the customer-account or lookup-profile step
/// knows them). The terms themselves are the customer search's (<see cref="CustomerSearchTerms"/>), so a search matches
/// the same whole words, addresses and numbers in both; only the hash key's purpose differs.
/// </summary>
public static class WorkflowSearchTerms
{
    private const string Purpose = "workflow-search";

    /// <summary>The hash of the phone number (E.164) the workflow texts.</summary>
    public static IReadOnlyList<string> OfPhone(LinXCrypto crypto, string e164) => Hash(crypto, [CustomerSearchTerms.PhoneTerm(e164)]);

    /// <summary>The hashes of <paramref name="customer"/>'s terms.</summary>
    public static IReadOnlyList<string> OfCustomer(LinXCrypto crypto, Customer customer) => Hash(crypto, CustomerSearchTerms.Of(customer));

    /// <summary>The hashes of a search's terms (<see cref="CustomerSearchTerms.Parse"/>): all must match.</summary>
    public static IReadOnlyList<string> OfSearch(LinXCrypto crypto, string search, string country) => Hash(crypto, CustomerSearchTerms.Parse(search, country));

    private static IReadOnlyList<string> Hash(LinXCrypto crypto, IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(crypto);
        return [.. terms.Select(term => crypto.Fingerprint(Purpose, term)).Distinct(StringComparer.Ordinal)];
    }
}
