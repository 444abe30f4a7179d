using System.Globalization;
using Azure;
using Azure.Data.Tables;
using LinX.Core.Customers;

namespace LinX.Infrastructure.Storage;

/// <summary>Customers: PK = business id, RK = customer id.</summary>
internal sealed class TableCustomerStore : ICustomerStore
{
    private readonly TableClient _table;

    public TableCustomerStore(TableStorage storage)
    {
        _table = storage.Customers;
    }

    public async Task<Customer?> GetAsync(Guid businessId, Guid customerId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Of(businessId), TableKeys.Of(customerId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? ToCustomer(e) : null;
    }

    public async Task<Customer> CreateAsync(Customer customer, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(ToEntity(customer), cancellationToken);
            return customer;
        }
        catch (RequestFailedException e) when (TableKeys.IsConflict(e))
        {
            return (await GetAsync(customer.BusinessId, customer.CustomerId, cancellationToken))!;
        }
    }

    private static TableEntity ToEntity(Customer c) => new(TableKeys.Of(c.BusinessId), TableKeys.Of(c.CustomerId))
    {
        ["FirstName"] = c.FirstName,
        ["LastName"] = c.LastName,
        ["Email"] = c.Email,
        ["DateOfBirth"] = c.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["StreetLine1"] = c.Address.StreetLine1,
        ["StreetLine2"] = c.Address.StreetLine2,
        ["City"] = c.Address.City,
        ["StateCode"] = c.Address.StateCode,
        ["PostalCode"] = c.Address.PostalCode,
        ["CountryCode"] = c.Address.CountryCode,
        ["MaskedPhoneNumber"] = c.MaskedPhoneNumber,
        ["SourceWorkflowId"] = c.SourceWorkflowId,
        ["CreatedAt"] = c.CreatedAt,
    };

    private static Customer ToCustomer(TableEntity e) => new(
        Guid.Parse(e.RowKey),
        Guid.Parse(e.PartitionKey),
        e.GetString("FirstName") ?? string.Empty,
        e.GetString("LastName") ?? string.Empty,
        e.GetString("Email") ?? string.Empty,
        DateOnly.ParseExact(e.GetString("DateOfBirth") ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
        new PostalAddress(
            e.GetString("StreetLine1") ?? string.Empty, e.GetString("StreetLine2"), e.GetString("City") ?? string.Empty,
            e.GetString("StateCode") ?? string.Empty, e.GetString("PostalCode") ?? string.Empty, e.GetString("CountryCode") ?? string.Empty),
        e.GetString("MaskedPhoneNumber"),
        e.GetGuid("SourceWorkflowId"),
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);
}
