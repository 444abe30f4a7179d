using System.Globalization;
using LinX.Core.Accounts;
using LinX.Core.Common;
using LinX.Core.Customers;
using LinX.Core.Payments;
using LinX.Core.Security;
using LinX.Core.Workflows;

namespace LinX.Core.Activities;

/// <summary>
/// The masked display data of a step, shown to the business and on the Gateway. It is made of personal data (a first
/// name, an e-mail, a city), so it travels through orchestration history only sealed for its workflow: step activities
/// seal it, <see cref="UpdateWorkflowStatusActivity"/> opens it to write the workflow row (ADR 0011).
/// </summary>
public static class StepData
{
    private const string SealedPurpose = "step-data";

    public static Sealed<IReadOnlyDictionary<string, string>> Seal(LinXCrypto crypto, Guid workflowId, IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(crypto);
        return crypto.Seal(data, workflowId, SealedPurpose);
    }

    public static IReadOnlyDictionary<string, string> Open(LinXCrypto crypto, Guid workflowId, Sealed<IReadOnlyDictionary<string, string>> data)
    {
        ArgumentNullException.ThrowIfNull(crypto);
        return crypto.Unseal(data, workflowId, SealedPurpose);
    }

    /// <summary>What a lookup found, its data sealed; in the clear for an input from a history before ADR 0011, which names no workflow.</summary>
    public static StepActivityOutput Found(LinXCrypto crypto, LookupInput input, Guid id, IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.WorkflowId is { } workflowId ? new(id, true, Seal(crypto, workflowId, data)) : new(id, true, null, data);
    }

    /// <summary>
    /// The customer's masked profile: only the last name's initial for a profile on file (shown to whoever holds the link
    /// before they confirm it is theirs), the full name for the one the customer just entered (<paramref name="ownEntry"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Customer(Customer customer, bool ownEntry = false) => new Dictionary<string, string>
    {
        ["customerId"] = customer.CustomerId.ToString("D"),
        ["firstName"] = customer.FirstName,
        ["lastName"] = ownEntry ? customer.LastName : Masking.Initial(customer.LastName),
        ["email"] = Masking.Email(customer.Email),
        ["city"] = customer.Address.City,
        ["stateCode"] = customer.Address.StateCode,
        ["countryCode"] = customer.Address.CountryCode,
    };

    /// <summary>
    /// What an enhance-profile step added, masked: the salutation, whether a date of birth was given, each address type with
    /// its city and country, each phone type with its masked number.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Enhancement(Customer customer, ProfileEnhancement enhancement)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(enhancement);
        var data = new Dictionary<string, string> { ["customerId"] = customer.CustomerId.ToString("D") };
        if (enhancement.Salutation is { } salutation)
        {
            data["salutation"] = salutation;
        }

        if (enhancement.DateOfBirth is not null)
        {
            data["dateOfBirth"] = "PROVIDED";
        }

        foreach (var address in enhancement.Addresses)
        {
            data["address." + WireValues.AddressTypes.Format(address.Type)] =
                address.Address.City + ", " + address.Address.StateCode + ", " + CountryCodes.Alpha3(address.Address.CountryCode);
        }

        foreach (var phone in enhancement.PhoneNumbers)
        {
            data["phoneNumber." + WireValues.AskedPhoneTypes.Format(phone.Type)] = Masking.Phone(phone.PhoneNumber);
        }

        return data;
    }

    /// <summary>The documents a document-acceptance step's customer accepted: <c>privacy-policy</c> → <c>PRIVACY_POLICY v1 sha256:…</c>.</summary>
    public static IReadOnlyDictionary<string, string> Documents(DocumentAcceptanceStep step, DateTimeOffset acceptedAt)
    {
        ArgumentNullException.ThrowIfNull(step);
        var data = new Dictionary<string, string> { ["acceptedAt"] = acceptedAt.ToString("O", CultureInfo.InvariantCulture) };
        foreach (var document in step.Documents)
        {
            data["document." + document.DocumentId] = string.Create(
                CultureInfo.InvariantCulture, $"{WireValues.DocumentGroups.Format(document.DocumentGroup)} v{document.Version} sha256:{document.Sha256}");
        }

        return data;
    }

    public static IReadOnlyDictionary<string, string> Account(FinancialAccount account)
    {
        var data = new Dictionary<string, string>
        {
            ["financialAccountId"] = account.FinancialAccountId.ToString("D"),
            ["financialAccountSubType"] = account.SubType.ToString().ToUpperInvariant(),
            ["last4"] = account.Last4,
        };
        if (account.Brand is not null)
        {
            data["brand"] = account.Brand;
        }

        if (account.Expiry is not null)
        {
            data["expiry"] = account.Expiry;
        }

        if (account.RoutingNumber is not null)
        {
            data["routingNumber"] = account.RoutingNumber;
        }

        return data;
    }

    /// <summary>The transaction: its id, amount, currency, status, priority and, when SCHEDULED, its start time (ISO 8601, the business's offset).</summary>
    public static IReadOnlyDictionary<string, string> Transaction(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var data = new Dictionary<string, string>
        {
            ["transactionId"] = transaction.TransactionId.ToString("D"),
            ["amount"] = transaction.Amount.ToString("0.00", CultureInfo.InvariantCulture),
            ["currency"] = transaction.Currency,
            ["status"] = transaction.Status.ToString().ToUpperInvariant(),
            ["priority"] = transaction.Priority.WireName(),
        };
        if (transaction.StartDateTime is { } start)
        {
            data["startDateTime"] = start.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        }

        return data;
    }
}
