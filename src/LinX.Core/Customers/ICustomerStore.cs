namespace LinX.Core.Customers;

/// <summary>Customers, partitioned by business, with a search index of their own (see <see cref="CustomerSearchTerms"/>).</summary>
public interface ICustomerStore
{
    Task<Customer?> GetAsync(Guid businessId, Guid customerId, CancellationToken cancellationToken);

    /// <summary>Inserts the customer and its index rows unless one with that id exists; returns the stored one (idempotent).</summary>
    Task<Customer> CreateAsync(Customer customer, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored profile of an existing customer (its id, business, names, e-mail and mobile number, which the
    /// search index rows are made of, stay as stored); writing the same profile again changes nothing.
    /// </summary>
    Task UpdateAsync(Customer customer, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the business's customers: newest first when <paramref name="terms"/> is empty, else those matching
    /// every term. <paramref name="after"/> is the <see cref="CustomerPage.NextPageToken"/> of the page before (null: the first).
    /// </summary>
    Task<CustomerPage> ListAsync(Guid businessId, IReadOnlyList<string> terms, int size, string? after, CancellationToken cancellationToken);
}

/// <summary>A page of customers; <c>NextPageToken</c> is null on the last page.</summary>
public sealed record CustomerPage(IReadOnlyList<Customer> Items, string? NextPageToken);
