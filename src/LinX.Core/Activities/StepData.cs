using System.Globalization;
using LinX.Core.Accounts;
using LinX.Core.Common;
using LinX.Core.Customers;
using LinX.Core.Payments;

namespace LinX.Core.Activities;

/// <summary>The masked display data of a step, shown to the business and on the Gateway.</summary>
public static class StepData
{
    public static IReadOnlyDictionary<string, string> Customer(Customer customer) => new Dictionary<string, string>
    {
        ["customerId"] = customer.CustomerId.ToString("D"),
        ["firstName"] = customer.FirstName,
        ["lastName"] = Masking.Initial(customer.LastName),
        ["email"] = Masking.Email(customer.Email),
        ["city"] = customer.Address.City,
        ["stateCode"] = customer.Address.StateCode,
        ["countryCode"] = customer.Address.CountryCode,
    };

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

    public static IReadOnlyDictionary<string, string> Transaction(Transaction transaction) => new Dictionary<string, string>
    {
        ["transactionId"] = transaction.TransactionId.ToString("D"),
        ["amount"] = transaction.Amount.ToString("0.00", CultureInfo.InvariantCulture),
        ["currency"] = transaction.Currency,
        ["status"] = transaction.Status.ToString().ToUpperInvariant(),
    };
}
