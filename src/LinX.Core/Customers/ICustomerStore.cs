namespace LinX.Core.Customers;

/// <summary>Customers, partitioned by business.</summary>
public interface ICustomerStore
{
    Task<Customer?> GetAsync(Guid businessId, Guid customerId, CancellationToken cancellationToken);

    /// <summary>Inserts the customer unless one with that id exists; returns the stored one (idempotent).</summary>
    Task<Customer> CreateAsync(Customer customer, CancellationToken cancellationToken);
}
