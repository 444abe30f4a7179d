using System.Security.Cryptography;
using System.Text.Json;
using LinX.Core.Accounts;
using LinX.Core.Customers;
using LinX.Core.Gateway;
using LinX.Core.Orchestration;
using LinX.Core.Security;
using LinX.Core.Tests.Security;
using LinX.Core.Workflows;
using LinX.Testing;

namespace LinX.Core.Tests.Gateway;

/// <summary>The events of a customer's submissions carry their data sealed: none of it in the event's JSON (its form in history).</summary>
public sealed class CustomerSubmissionsTests
{
    private static readonly Guid WorkflowId = Guid.Parse("0b8f3c62-7f0e-4b4e-9d4a-6c1f2e3d4a5b");

    private static readonly CustomerProfile Profile = new(
        DistinctivePersonalData.FirstName, DistinctivePersonalData.LastName, DistinctivePersonalData.Email, new DateOnly(1990, 1, 31),
        new PostalAddress(DistinctivePersonalData.StreetLine, null, DistinctivePersonalData.City, "ON", "M5X 1A9", "CA"));

    private static readonly TokenizedCard Card = new("VISA", "4242", 2030, 12, new string('a', 64), "tok_card", DistinctivePersonalData.NameOnCard);

    private static readonly TokenizedBankAccount Bank = new("011000015", "6789", new string('b', 64), "tok_bank", DistinctivePersonalData.NameOnAccount);

    private readonly CustomerSubmissions _submissions = new(TestCrypto.Create());

    [Fact]
    public void Profile_SealedInTheEvent_OpensForItsWorkflowOnly()
    {
        var e = _submissions.Profile(WorkflowId, Profile);

        var json = JsonSerializer.Serialize(e, JsonSerializerOptions.Web);
        Assert.Equal((WorkflowEventKind.Submit, StepNames.CustomerAccount, null), (e.Kind, e.StepName, e.Profile));
        Assert.All(
            [Profile.FirstName, Profile.LastName, Profile.Email, DistinctivePersonalData.DateOfBirth, Profile.Address.StreetLine1, Profile.Address.City],
            v => Assert.DoesNotContain(v, json, StringComparison.Ordinal));
        Assert.Equal(Profile, _submissions.Open(WorkflowId, e.SealedProfile!));
        Assert.ThrowsAny<CryptographicException>(() => _submissions.Open(Guid.NewGuid(), e.SealedProfile!));
    }

    [Fact]
    public void CardAndBankAccount_SealedInTheEvent_OpenOnlyAsWhatTheyAre()
    {
        var card = _submissions.Card(WorkflowId, Card);
        var bank = _submissions.BankAccount(WorkflowId, Bank);

        var json = JsonSerializer.Serialize(card, JsonSerializerOptions.Web) + JsonSerializer.Serialize(bank, JsonSerializerOptions.Web);
        Assert.Equal((StepNames.FinancialAccount, StepNames.FinancialAccount, null, null), (card.StepName, bank.StepName, card.Card, bank.BankAccount));
        Assert.All([Card.NameOnCard, Bank.NameOnAccount, "tok_card", "tok_bank", "4242", "011000015"], v => Assert.DoesNotContain(v, json, StringComparison.Ordinal));
        Assert.Equal((Card, Bank), (_submissions.Open(WorkflowId, card.SealedCard!), _submissions.Open(WorkflowId, bank.SealedBankAccount!)));
        Assert.ThrowsAny<CryptographicException>(() => _submissions.Open(WorkflowId, new Sealed<TokenizedBankAccount>(card.SealedCard!.Cipher)));
    }
}
