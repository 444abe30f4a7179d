using LinX.Core.Workflows;
using C = LinX.Core.Workflows.WorkflowErrorCodes;

namespace LinX.Core.Tests.Workflows;

public sealed class CustomerTextRulesTests
{
    private const string Path = "$.parameters.introductoryMessage";
    private const int MaxLength = 500;

    [Theory]
    [InlineData("You have a rebate")]
    [InlineData("Create a new customer account")]
    [InlineData("Add a debit card, e.g. your Visa debit.")]
    [InlineData("Mr. Smith, your rebate of $3.50 is ready, i.e. today.")]
    [InlineData("U.S. customers only; see you at 3 p.m.")]
    [InlineData("Ph.D. students: pay 1,250.00 USD by Friday.")]
    [InlineData("Order 123456, version 2.0, room 101")]
    [InlineData("Ref 12-34-56")]
    [InlineData("Note: bring ID. Thanks!")]
    [InlineData("Wait...what? Yes…")]
    [InlineData("Café déjà vu, 你好, مرحبا")]
    [InlineData("Hello 👋 ❤️")]
    [InlineData("Line 1\nLine 2")]
    public void Check_OrdinaryProse_IsAcceptedWithoutErrors(string text)
    {
        // Act
        var (ok, errors) = Check(text);

        // Assert
        Assert.True(ok);
        Assert.Empty(errors);
    }

    [Fact]
    public void Check_Absent_IsAccepted()
    {
        var (ok, errors) = Check(null);

        Assert.True(ok);
        Assert.Empty(errors);
    }

    [Theory]
    // The finding: a fake link texted before the real one.
    [InlineData("Open https://evil.example/...")]
    [InlineData("Open https://evil.example/linx/Zm9vYmFy to confirm")]
    [InlineData("http://x.io")]
    [InlineData("HTTPS://EVIL.EXAMPLE/PAY")]
    [InlineData("go to hxxp://evil")]
    [InlineData("go to https: //evil")]
    [InlineData("go to https:\\\\evil")]
    [InlineData("ftp://files")]
    [InlineData("Visit www.evil.example")]
    [InlineData("Visit WWW2.evil")]
    [InlineData("Pay at evil.example/pay")]
    [InlineData("bit.ly/x")]
    [InlineData("paypal.com")]
    [InlineData("Log in at PayPal.com.")]
    [InlineData("Log in at secure.paypal.com.evil.example now")]
    [InlineData("xn--pypal-4ve.com")]
    [InlineData("пример.рф")]
    [InlineData("ｐａｙｐａｌ．ｃｏｍ")]
    [InlineData("ｗｗｗ．ｅｖｉｌ")]
    [InlineData("ｈｔｔｐｓ：／／ｅｖｉｌ")]
    [InlineData("paypal。com")]
    [InlineData("Open 93.184.216.34/pay")]
    public void Check_WebAddress_IsRefusedWithoutEchoingIt(string text)
    {
        // Act
        var (ok, errors) = Check(text);

        // Assert
        Assert.False(ok);
        var error = Assert.Single(errors, e => e.ErrorCode == C.TextContainsUrl);
        Assert.Equal(Path, error.Path);
        Assert.DoesNotContain("evil", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("paypal", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Call +1 647 123 4567")]
    [InlineData("Call 6471234567 now")]
    [InlineData("Call (647) 123-4567")]
    [InlineData("Call 647.123.4567")]
    [InlineData("Call +44 20 7946 0000")]
    [InlineData("Code 1234567")]
    [InlineData("Call 647–123–4567")]
    [InlineData("Call １２３４５６７")]
    [InlineData("Call ٦٤٧١٢٣٤٥٦٧")]
    public void Check_PhoneNumber_IsRefusedWithoutEchoingIt(string text)
    {
        var (ok, errors) = Check(text);

        Assert.False(ok);
        var error = Assert.Single(errors);
        Assert.Equal((Path, C.TextContainsPhoneNumber), (error.Path, error.ErrorCode));
        Assert.DoesNotContain("4567", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("123", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // The findings.
    [InlineData("Pay\u200Bnow", "U+200B")]
    [InlineData("Pay\u200Enow", "U+200E")]
    [InlineData("Pay\u200Fnow", "U+200F")]
    [InlineData("Pay\u061Cnow", "U+061C")]
    [InlineData("\uFEFFPay now", "U+FEFF")]
    [InlineData("Pay\u00ADnow", "U+00AD")]
    [InlineData("Pay\U000E0041now", "U+E0041")]
    [InlineData("Pay\u3164now", "U+3164")]
    // The rest of the rule: format, private use, unassigned, lone surrogates, blank fillers, separators.
    [InlineData("Pay\u200Dnow", "U+200D")]
    [InlineData("Pay\u2060now", "U+2060")]
    [InlineData("Pay\u2066now", "U+2066")]
    [InlineData("Pay\U000E007Fnow", "U+E007F")]
    [InlineData("Pay\uE000now", "U+E000")]
    [InlineData("Pay\u0378now", "U+0378")]
    [InlineData("Pay\u115Fnow", "U+115F")]
    [InlineData("Pay\u1160now", "U+1160")]
    [InlineData("Pay\uFFA0now", "U+FFA0")]
    [InlineData("Pay\u2800now", "U+2800")]
    [InlineData("Pay\u2028now", "U+2028")]
    [InlineData("Pay\u2029now", "U+2029")]
    public void Check_InvisibleCharacter_IsRefusedNamingTheCodePoint(string text, string codePoint)
    {
        var (ok, errors) = Check(text);

        Assert.False(ok);
        var error = Assert.Single(errors);
        Assert.Equal((Path, C.TextContainsInvisibleCharacter), (error.Path, error.ErrorCode));
        Assert.Contains(codePoint + ".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LoneSurrogate_IsRefusedNamingItsCodeUnit()
    {
        // Arrange: built here, not in InlineData, whose serialization would turn it into U+FFFD.
        var text = "Pay" + '\uD800' + "now";

        // Act
        var (ok, errors) = Check(text);

        // Assert
        Assert.False(ok);
        var error = Assert.Single(errors);
        Assert.Equal(C.TextContainsInvisibleCharacter, error.ErrorCode);
        Assert.EndsWith("found U+D800.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EveryProblemAtOnce_ReportsEachOnceInvisibleCharactersNamedOnce()
    {
        // Arrange: the zero-width space would split the address if it were not looked for in the text as shown.
        const string text = "Call 647 123 4567 or visit evil\u200B.example\u200B\u200E";

        // Act
        var (ok, errors) = Check(text);

        // Assert
        Assert.False(ok);
        Assert.Equal(
            [C.TextContainsInvisibleCharacter, C.TextContainsUrl, C.TextContainsPhoneNumber],
            errors.Select(e => e.ErrorCode));
        Assert.EndsWith("found U+200B, U+200E.", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TooLong_ReportsOnlyTheLength()
    {
        var (ok, errors) = Check("paypal.com " + new string('x', 20), maxLength: 10);

        Assert.False(ok);
        Assert.Equal(C.StringTooLong, Assert.Single(errors).ErrorCode);
    }

    private static (bool Ok, IReadOnlyList<FieldError> Errors) Check(string? text, int maxLength = MaxLength)
    {
        var errors = new ValidationErrors();
        var ok = CustomerTextRules.Check(text, Path, maxLength, errors);
        return (ok, errors.ToList());
    }
}
