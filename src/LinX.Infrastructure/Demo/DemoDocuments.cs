using LinX.Core.Documents;

namespace LinX.Infrastructure.Demo;

/// <summary>The demo business's documents: an e-communication consent and a privacy policy (version 1 of each, seeded once).</summary>
public static class DemoDocuments
{
    public const string ECommunicationConsentId = "e-communication-consent";
    public const string PrivacyPolicyId = "privacy-policy";

    private static readonly DateTimeOffset SeededAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string ECommunicationText = """
        By accepting, you agree that LinX Demo Business may give you notices, statements, receipts and other information about your account electronically: by text message, by e-mail, or on a web page it sends you a link to.

        You can ask for a paper copy of any notice at no cost, and you can withdraw this consent at any time by contacting support@example.com. Withdrawing it does not affect notices already sent.

        To receive electronic notices you need a device with a web browser and a mobile phone that can receive text messages. If your phone number or e-mail address changes, please tell us.
        """;

    private const string PrivacyText = """
        LinX Demo Business collects your name, contact details, date of birth and address to open and manage your account, to verify who you are, and to pay you or to be paid by you.

        We share this information only with the service providers that process payments for us and with authorities when the law requires it. We never sell it.

        We keep your information while your account is open and for as long as the law requires after it closes. You may ask to see the information we hold about you, or to correct it, by writing to support@example.com.
        """;

    /// <summary>Version 1 of each document; a document that exists already is left as it is.</summary>
    public static async Task SeedAsync(IBusinessDocumentStore store, Guid businessId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        foreach (var (id, group, title, text) in new[]
        {
            (ECommunicationConsentId, DocumentGroup.ECommunication, "Consent to electronic communications", ECommunicationText),
            (PrivacyPolicyId, DocumentGroup.PrivacyPolicy, "Privacy policy", PrivacyText),
        })
        {
            if (await store.GetAsync(businessId, id, null, cancellationToken) is null)
            {
                await store.AddVersionAsync(BusinessDocument.Create(businessId, id, group, title, "en", 1, text, SeededAt), cancellationToken);
            }
        }
    }
}
