namespace LinX.Core.Customers;

/// <summary>The profile a customer submits on the Gateway (validated) to create their customer account.</summary>
public sealed record CustomerProfile(string FirstName, string LastName, string Email, DateOnly DateOfBirth, PostalAddress Address);
