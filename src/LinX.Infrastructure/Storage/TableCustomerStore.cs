using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using LinX.Core.Customers;
using LinX.Core.Security;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// Customers: PK = business id, RK = customer id. In the same partition, written in one transaction with the customer,
/// its index rows (no personal data in their keys or columns):
/// <list type="bullet">
/// <item><c>~c:{inverted creation ticks}:{customer id}</c>, so that a range read lists the newest first;</item>
/// <item><c>~s:{keyed hash of a search term}:{customer id}</c> per term of <see cref="CustomerSearchTerms.Of"/>, so that a
/// search is a range read of one term's rows (and a point read for each other term), never a scan.</item>
/// </list>
/// The phone number is stored encrypted (AES-GCM, bound to the customer id).
/// </summary>
internal sealed class TableCustomerStore : ICustomerStore
{
    private const string ListPrefix = "~c:";
    private const string SearchPrefix = "~s:";

    private readonly TableClient _table;
    private readonly LinXCrypto _crypto;

    public TableCustomerStore(TableStorage storage, LinXCrypto crypto)
    {
        _table = storage.Customers;
        _crypto = crypto;
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
            await _table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, ToEntity(customer)), .. IndexUpserts(customer)], cancellationToken);
            return customer;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            // It exists (a re-run): its index rows again, for a customer stored before they were written with it.
            var stored = (await GetAsync(customer.BusinessId, customer.CustomerId, cancellationToken))!;
            await _table.SubmitTransactionAsync([.. IndexUpserts(stored)], cancellationToken);
            return stored;
        }
    }

    public async Task UpdateAsync(Customer customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var stored = await GetAsync(customer.BusinessId, customer.CustomerId, cancellationToken)
            ?? throw new InvalidOperationException("Only a stored customer can be updated.");
        var kept = customer with
        {
            FirstName = stored.FirstName, LastName = stored.LastName, Email = stored.Email, PhoneNumber = stored.PhoneNumber,
            MaskedPhoneNumber = stored.MaskedPhoneNumber, CreatedAt = stored.CreatedAt,
        };
        await _table.UpdateEntityAsync(ToEntity(kept), ETag.All, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<CustomerPage> ListAsync(Guid businessId, IReadOnlyList<string> terms, int size, string? after, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Of(businessId);
        var prefix = terms.Count == 0 ? ListPrefix : SearchRowPrefix(terms[0]);
        var from = after is not null && Decode(after) is { } last && last.StartsWith(prefix, StringComparison.Ordinal) ? last : prefix;
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey gt {from} and RowKey lt {prefix[..^1] + ";"}");

        // A page of candidate rows at a time, each one's point reads (other terms, then the customer) all at once.
        var found = new List<Customer>(size);
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: size, select: ["RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            var loaded = await Task.WhenAll(page.Values.Select(row => LoadIfMatchesAsync(businessId, row.RowKey, terms, cancellationToken)));
            foreach (var (row, customer) in page.Values.Zip(loaded))
            {
                if (customer is not null)
                {
                    found.Add(customer);
                }

                if (found.Count == size)
                {
                    return new CustomerPage(found, Base64Url.EncodeToString(Encoding.UTF8.GetBytes(row.RowKey)));
                }
            }
        }

        return new CustomerPage(found, null);
    }

    // The customer of an index row, when it also has a row for every term after the first (the range read's).
    private async Task<Customer?> LoadIfMatchesAsync(Guid businessId, string rowKey, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var customerId = Guid.Parse(rowKey[(rowKey.LastIndexOf(':') + 1)..]);
        return await MatchesAllAsync(TableKeys.Of(businessId), customerId, terms.Skip(1), cancellationToken)
            ? await GetAsync(businessId, customerId, cancellationToken)
            : null;
    }

    private async Task<bool> MatchesAllAsync(string partition, Guid customerId, IEnumerable<string> terms, CancellationToken cancellationToken)
    {
        foreach (var term in terms)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(
                partition, SearchRowPrefix(term) + TableKeys.Of(customerId), select: ["RowKey"], cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return false;
            }
        }

        return true;
    }

    private IEnumerable<TableTransactionAction> IndexUpserts(Customer c) =>
        IndexRows(c).Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));

    private IEnumerable<TableEntity> IndexRows(Customer c)
    {
        var partition = TableKeys.Of(c.BusinessId);
        var newestFirst = (DateTimeOffset.MaxValue.UtcTicks - c.CreatedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        yield return new TableEntity(partition, $"{ListPrefix}{newestFirst}:{TableKeys.Of(c.CustomerId)}");
        foreach (var term in CustomerSearchTerms.Of(c))
        {
            yield return new TableEntity(partition, SearchRowPrefix(term) + TableKeys.Of(c.CustomerId));
        }
    }

    private string SearchRowPrefix(string term) => $"{SearchPrefix}{_crypto.Fingerprint("customer-search", term)}:";

    // Page tokens are the last row key read (base64url), opaque to the client; a token of another listing starts that listing over.
    private static string? Decode(string token) =>
        Base64Url.IsValid(token) ? Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)) : null;

    private TableEntity ToEntity(Customer c) => new(TableKeys.Of(c.BusinessId), TableKeys.Of(c.CustomerId))
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
        ["EncryptedPhoneNumber"] = c.PhoneNumber is { } phone ? _crypto.Encrypt(phone, PhoneContext(c.CustomerId)) : null,
        ["SourceWorkflowId"] = c.SourceWorkflowId,
        ["CreatedAt"] = c.CreatedAt,
        ["Salutation"] = c.Salutation,
        ["Status"] = c.Status.ToString(),
        ["OtherAddresses"] = c.OtherAddresses.Count == 0 ? null : JsonSerializer.Serialize(c.OtherAddresses, ColumnJson),
        ["EncryptedOtherPhoneNumbers"] = c.OtherPhoneNumbers.Count == 0
            ? null
            : _crypto.Encrypt(JsonSerializer.Serialize(c.OtherPhoneNumbers, ColumnJson), OtherPhonesContext(c.CustomerId)),
        ["UpdatedAt"] = c.UpdatedAt,
    };

    private static readonly JsonSerializerOptions ColumnJson = new(JsonSerializerDefaults.Web);

    private static string OtherPhonesContext(Guid customerId) => "customer-phones:" + TableKeys.Of(customerId);

    private Customer ToCustomer(TableEntity e) => new(
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
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue)
    {
        PhoneNumber = e.GetString("EncryptedPhoneNumber") is { } encrypted ? _crypto.Decrypt(encrypted, PhoneContext(Guid.Parse(e.RowKey))) : null,
        Salutation = e.GetString("Salutation"),
        Status = Enum.TryParse<CustomerStatus>(e.GetString("Status"), out var status) ? status : CustomerStatus.Active,
        OtherAddresses = e.GetString("OtherAddresses") is { } addresses ? JsonSerializer.Deserialize<List<TypedAddress>>(addresses, ColumnJson) ?? [] : [],
        OtherPhoneNumbers = e.GetString("EncryptedOtherPhoneNumbers") is { } phones
            ? JsonSerializer.Deserialize<List<TypedPhoneNumber>>(_crypto.Decrypt(phones, OtherPhonesContext(Guid.Parse(e.RowKey))), ColumnJson) ?? []
            : [],
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt"),
    };

    private static string PhoneContext(Guid customerId) => "customer-phone:" + TableKeys.Of(customerId);
}
