using LinX.Core.Accounts;
using LinX.Core.Admin;
using LinX.Core.Businesses;
using LinX.Core.Customers;
using LinX.Core.Documents;
using LinX.Core.Security;
using LinX.Core.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Infrastructure.Demo;

/// <summary>
/// Idempotent demo seeding for the local host: a business, its financial account, customer John Doe with a DEBIT
/// card, its e-communication consent and privacy policy (<see cref="DemoDocuments"/>), and an API key chosen by the caller (stored hashed), so that the four seed examples run verbatim. The key is
/// the demo business's only working one: each seeding revokes the keys of earlier ones. The business has a full profile
/// and a small logo, so the Gateway page of a demo workflow shows a branded page.
/// </summary>
public static class DemoData
{
    public static readonly Guid BusinessId = Guid.Parse("5d1a3f0e-7c2b-4e8a-9f61-2b7d4c9e0a15");
    public static readonly Guid BusinessFinancialAccountId = Guid.Parse("31c6d624-6a0c-4049-b1f1-f3ea7d00ba35");
    public static readonly Guid CustomerId = Guid.Parse("8c8cab63-4e53-4acf-9efa-e7324816aa36");
    public static readonly Guid CustomerFinancialAccountId = Guid.Parse("bbbf2fbf-81d4-4f2d-8f80-201bcca921d4");
    public const string BusinessName = "LinX Demo Business";
    public const string CustomerPhoneNumber = "+16471234567";
    public const string DemoKeyName = "Demo key";

    /// <summary>The demo business's profile (example.com links, Toronto time).</summary>
    public static readonly BusinessProfile Profile = new(
        BusinessName, "support@example.com", "+14165550100", "https://example.com", "https://example.com/terms",
        "https://example.com/privacy", "America/Toronto", "en", "#1A5FB4");

    private static readonly DateTimeOffset SeededAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // A 48×48 PNG (129 bytes): a white L on the accent colour.
    private static readonly byte[] Logo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAASElEQVR42u3YQQ0AIAwEweqoOUzijwrg05CQ9DGbEzDvi1x71AIICAgI6Bl0roCAgICAgICAgICAgP6C+gEBAXk/gICAgMaCCl+qXnUO3JhzAAAAAElFTkSuQmCC");

    /// <summary>
    /// Creates (or leaves as is) the demo data and makes <paramref name="apiKey"/> the demo business's only working key
    /// (<see cref="ApiKeyService.RegisterOnlyKeyAsync"/>).
    /// </summary>
    public static async Task<Business> SeedAsync(IServiceProvider services, string apiKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        var crypto = services.GetRequiredService<LinXCrypto>();
        // The logo's bytes first, then the business that points at them.
        var logo = BusinessLogo.Of(LogoImage.Png, Logo);
        await services.GetRequiredService<IBusinessLogoStore>().PutAsync(BusinessId, logo, Logo, cancellationToken);
        // A Canadian business that also serves customers with US numbers.
        var business = new Business(BusinessId, BusinessName, SeededAt) { Country = "CA", AllowedSmsCountries = ["CA", "US"], Profile = Profile, Logo = logo };
        await services.GetRequiredService<IBusinessStore>().UpsertAsync(business, cancellationToken);
        await services.GetRequiredService<ApiKeyService>().RegisterOnlyKeyAsync(BusinessId, apiKey, DemoKeyName, cancellationToken);

        var accounts = services.GetRequiredService<IFinancialAccountStore>();
        await accounts.CreateAsync(
            new FinancialAccount(
                BusinessFinancialAccountId, BusinessId, null, FinancialAccountSubType.Checking, null, "6789", null, "011000015",
                crypto.Fingerprint("bank", "011000015:000123456789"), "tok_demo_business_account", BusinessName, null, SeededAt),
            cancellationToken);
        await services.GetRequiredService<ICustomerStore>().CreateAsync(
            new Customer(
                CustomerId, BusinessId, "John", "Doe", "john.doe@example.com", new DateOnly(1985, 6, 15),
                new PostalAddress("100 King Street West", null, "Toronto", "ON", "M5X 1A9", "CA"),
                Core.Common.Masking.Phone(CustomerPhoneNumber), null, SeededAt) { PhoneNumber = CustomerPhoneNumber },
            cancellationToken);
        await accounts.CreateAsync(
            new FinancialAccount(
                CustomerFinancialAccountId, BusinessId, CustomerId, FinancialAccountSubType.Debit, "VISA", "4242", "2030-12", null,
                crypto.Fingerprint("card", "4242424242424242"), "tok_demo_customer_card", "John Doe", null, SeededAt),
            cancellationToken);
        await DemoDocuments.SeedAsync(services.GetRequiredService<IBusinessDocumentStore>(), BusinessId, cancellationToken);
        return business;
    }
}
