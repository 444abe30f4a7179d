using System.Security.Cryptography;
using LinX.Core.Security;

namespace LinX.Core.Tests.Security;

public sealed class LinXCryptoTests
{
    private static readonly Guid WorkflowId = Guid.Parse("0b8f3c62-7f0e-4b4e-9d4a-6c1f2e3d4a5b");
    private readonly LinXCrypto _crypto = TestCrypto.Create();

    [Fact]
    public void LinkToken_Is256BitBase64UrlStableAndVerifiable()
    {
        var token = _crypto.LinkToken(WorkflowId);

        Assert.Equal(43, token.Length);
        Assert.Equal(token, _crypto.LinkToken(WorkflowId));
        Assert.True(_crypto.IsLinkTokenOf(token, WorkflowId));
        Assert.False(_crypto.IsLinkTokenOf(token, Guid.NewGuid()));
        Assert.Matches("^[0-9a-f]{64}$", LinXCrypto.LinkTokenHash(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/")]
    public void LinkTokenHash_NotAToken_IsNull(string? token) => Assert.Null(LinXCrypto.LinkTokenHash(token));

    [Fact]
    public void Encrypt_RoundTripsOnlyForSameContext()
    {
        var cipher = _crypto.Encrypt("+16471234567", WorkflowId.ToString("D"));

        Assert.DoesNotContain("6471234567", cipher, StringComparison.Ordinal);
        Assert.NotEqual(cipher, _crypto.Encrypt("+16471234567", WorkflowId.ToString("D")));
        Assert.Equal("+16471234567", _crypto.Decrypt(cipher, WorkflowId.ToString("D")));
        Assert.ThrowsAny<CryptographicException>(() => _crypto.Decrypt(cipher, Guid.NewGuid().ToString("D")));
    }

    [Fact]
    public void Seal_OpensOnlyForTheSameWorkflowAndPurpose()
    {
        var data = new Dictionary<string, string> { ["firstName"] = "Zenobia" };

        var sealedData = _crypto.Seal<IReadOnlyDictionary<string, string>>(data, WorkflowId, "step-data");

        Assert.DoesNotContain("Zenobia", sealedData.Cipher, StringComparison.Ordinal);
        Assert.Equal(data, _crypto.Unseal(sealedData, WorkflowId, "step-data"));
        Assert.ThrowsAny<CryptographicException>(() => _crypto.Unseal(sealedData, Guid.NewGuid(), "step-data"));
        Assert.ThrowsAny<CryptographicException>(() => _crypto.Unseal(sealedData, WorkflowId, "profile"));
        Assert.ThrowsAny<CryptographicException>(() => TestCrypto.Create().Unseal(sealedData, WorkflowId, "step-data"));
    }

    [Fact]
    public void Passcode_HashVerifiesAndProofIsPerWorkflow()
    {
        var passcode = LinXCrypto.NewPasscode();
        var hash = _crypto.PasscodeHash(WorkflowId, passcode);

        Assert.Matches("^[0-9]{6}$", passcode);
        Assert.True(_crypto.VerifyPasscode(WorkflowId, passcode, hash));
        Assert.False(_crypto.VerifyPasscode(Guid.NewGuid(), passcode, hash));
        Assert.True(_crypto.IsPasscodeProofOf(_crypto.PasscodeProof(WorkflowId, "hash-1"), WorkflowId, "hash-1"));
        Assert.False(_crypto.IsPasscodeProofOf(_crypto.PasscodeProof(Guid.NewGuid(), "hash-1"), WorkflowId, "hash-1"));
        Assert.False(_crypto.IsPasscodeProofOf(_crypto.PasscodeProof(WorkflowId, "hash-1"), WorkflowId, "hash-2")); // a new passcode ends the old proofs
        Assert.False(_crypto.IsPasscodeProofOf(null, WorkflowId, "hash-1"));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("AAAA", false)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", true)]
    public void Base64Key32_AcceptsOnly32Bytes(string value, bool expected) =>
        Assert.Equal(expected, new Base64Key32Attribute().IsValid(value) && value.Length > 0);
}
