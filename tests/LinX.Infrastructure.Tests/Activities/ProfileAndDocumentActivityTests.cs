using LinX.Core.Activities;
using LinX.Core.Consent;
using LinX.Core.Customers;
using LinX.Core.Documents;
using LinX.Core.Gateway;
using LinX.Core.Workflows;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Tests.Storage;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;

namespace LinX.Infrastructure.Tests.Activities;

/// <summary>The enhance-profile and document-acceptance activities run at least once: a second run changes nothing.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ProfileAndDocumentActivityTests(AzuriteFixture azurite)
{
    private static readonly ProfileEnhancement Enhancement = new(
        "DR", new DateOnly(1984, 3, 9),
        [new TypedAddress(AddressType.Shipping, new PostalAddress("9 Dock Road", null, "Halifax", "NS", "B3H 1A1", "CA"))],
        [new TypedPhoneNumber(PhoneType.Work, "+19025550123")]);

    [Fact]
    public async Task EnhanceProfile_RunTwice_SameProfileOneRowAndMaskedSealedData()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var workflowId = Guid.NewGuid();
        var sealedEnhancement = host.Get<CustomerSubmissions>().Enhancement(workflowId, Enhancement).SealedEnhancement!;
        var input = new EnhanceProfileInput(DemoData.BusinessId, workflowId, DemoData.CustomerId, sealedEnhancement);
        var activity = host.Get<EnhanceProfileActivity>();
        var rowsBefore = await TableStoresTests.CountAsync(host.Tables.Customers);

        var first = await activity.RunAsync(input, CancellationToken.None);
        var once = await host.Get<ICustomerStore>().GetAsync(DemoData.BusinessId, DemoData.CustomerId, CancellationToken.None);
        var second = await activity.RunAsync(input, CancellationToken.None);
        var twice = await host.Get<ICustomerStore>().GetAsync(DemoData.BusinessId, DemoData.CustomerId, CancellationToken.None);

        Assert.Equal((first.Id, rowsBefore), (second.Id, await TableStoresTests.CountAsync(host.Tables.Customers)));
        Assert.Equal(
            (once!.Salutation, once.DateOfBirth, once.OtherAddresses.Single(), once.OtherPhoneNumbers.Single(), once.Address, once.FirstName),
            (twice!.Salutation, twice.DateOfBirth, twice.OtherAddresses.Single(), twice.OtherPhoneNumbers.Single(), twice.Address, twice.FirstName));
        Assert.Equal(("DR", "+19025550123", "John"), (twice.Salutation, twice.OtherPhoneNumbers[0].PhoneNumber, twice.FirstName));
        Assert.Equal("100 King Street West", twice.Address.StreetLine1); // PHYSICAL was not asked: kept
        Assert.Null(first.Data);
        var data = TestPlans.Open(host, workflowId, first.SealedData);
        Assert.Equal(("Halifax, NS, CAN", "+1902*****23"), (data["address.SHIPPING"], data["phoneNumber.WORK"]));
        Assert.DoesNotContain(data.Values, v => v.Contains("9025550123", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AcceptDocuments_WithEvidenceRunTwice_SameData_WithoutEvidenceFails()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var privacy = (await host.Get<IBusinessDocumentStore>().GetAsync(DemoData.BusinessId, DemoDocuments.PrivacyPolicyId, null, CancellationToken.None))!;
        var step = new DocumentAcceptanceStep([new DocumentReference(DocumentGroup.PrivacyPolicy, privacy.DocumentId, privacy.Version, privacy.Sha256)]);
        var activity = host.Get<AcceptDocumentsActivity>();
        var withoutEvidence = new AcceptDocumentsInput(DemoData.BusinessId, Guid.NewGuid(), step);
        var workflowId = Guid.NewGuid();
        await host.Get<IConsentStore>().RecordAsync(
            new ConsentEvidence(DemoData.BusinessId, workflowId, StepNames.DocumentAcceptance, "1", privacy.Sha256, DateTimeOffset.UtcNow, "203.0.113.7", "test", ConsentEvidence.LinXSms)
            {
                Kind = ConsentKind.Document,
                DocumentId = privacy.DocumentId,
                DocumentGroup = privacy.DocumentGroup,
                Text = privacy.Text,
            },
            CancellationToken.None);
        var input = new AcceptDocumentsInput(DemoData.BusinessId, workflowId, step);

        var first = TestPlans.Open(host, workflowId, (await activity.RunAsync(input, CancellationToken.None)).SealedData);
        var second = TestPlans.Open(host, workflowId, (await activity.RunAsync(input, CancellationToken.None)).SealedData);

        Assert.Equal(first, second);
        Assert.Equal("PRIVACY_POLICY v1 sha256:" + privacy.Sha256, first["document.privacy-policy"]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => activity.RunAsync(withoutEvidence, CancellationToken.None));
        var evidence = Assert.Single(await host.Get<IConsentStore>().ListAsync(DemoData.BusinessId, workflowId, CancellationToken.None));
        Assert.Equal((ConsentKind.Document, "privacy-policy", DocumentGroup.PrivacyPolicy), (evidence.Kind, evidence.DocumentId, evidence.DocumentGroup));
    }
}
