using System.Text;
using LinX.Core.Management;
using LinX.Core.Security;

namespace LinX.Api.Tests.Management;

/// <summary>
/// <see cref="IdempotencyFingerprint"/> lives in LinX.Core; it is tested here with the endpoint that binds an
/// Idempotency-Key to it.
/// </summary>
public sealed class IdempotencyFingerprintTests
{
    [Theory]
    [InlineData("""{"title":"Pay","amount":10.5,"steps":[{"name":"a"},{"name":"b"}]}""")]
    [InlineData("""{ "steps" : [ { "name" : "a" } , { "name" : "b" } ] , "amount" : 10.5 , "title" : "Pay" }""")]
    [InlineData("{\n\t\"amount\": 10.5,\r\n\t\"title\": \"P\\u0061y\",\n\t\"steps\": [{\"name\": \"\\u0061\"}, {\"name\": \"b\"}]\n}")]
    public void Of_SameJsonOtherWhitespaceOrderOrEscapes_IsTheCanonicalFormsHash(string body)
    {
        var fingerprint = IdempotencyFingerprint.Of(Encoding.UTF8.GetBytes(body));

        Assert.Equal(Hashing.Sha256Hex("""{"amount":10.5,"steps":[{"name":"a"},{"name":"b"}],"title":"Pay"}"""), fingerprint);
    }

    [Fact]
    public void Of_MemberNames_AreSortedByUtf16CodeUnits()
    {
        // RFC 8785 §3.2.3's example: "\r" < "1" < "\u0080" < "\u00f6" < "\u20ac" < "\ud83d\ude00" < "\ufb33".
        var body = """{"\u20ac":1,"\r":2,"\ufb33":3,"1":4,"\ud83d\ude00":5,"\u0080":6,"\u00f6":7}""";

        var fingerprint = IdempotencyFingerprint.Of(Encoding.UTF8.GetBytes(body));

        Assert.Equal(Hashing.Sha256Hex("{\"\\r\":2,\"1\":4,\"\u0080\":6,\"\u00f6\":7,\"\u20ac\":1,\"\ud83d\ude00\":5,\"\ufb33\":3}"), fingerprint);
    }

    [Fact]
    public void Of_StringsWithControlsAndQuotes_AreReEscapedMinimally()
    {
        var body = """{"a":"\u0022\/\u005c\u0008\u000c\n\r\t\u0001\u001f\u00e9\u2028"}""";

        var fingerprint = IdempotencyFingerprint.Of(Encoding.UTF8.GetBytes(body));

        Assert.Equal(Hashing.Sha256Hex("{\"a\":\"\\\"/\\\\\\b\\f\\n\\r\\t\\u0001\\u001f\u00e9\u2028\"}"), fingerprint);
    }

    [Theory]
    [InlineData("""{"amount":10.1}""", """{"amount":10.2}""")]
    [InlineData("""{"amount":10.1}""", """{"amount":10.10}""")]
    [InlineData("""{"amount":1}""", """{"amount":"1"}""")]
    [InlineData("""[1,2]""", """[2,1]""")]
    [InlineData("""{"a":null}""", """{}""")]
    public void Of_DifferentValuesOrNumberSpellings_Differ(string first, string second)
    {
        Assert.NotEqual(IdempotencyFingerprint.Of(Encoding.UTF8.GetBytes(first)), IdempotencyFingerprint.Of(Encoding.UTF8.GetBytes(second)));
    }

    [Theory]
    [InlineData("{\"title\":")]
    [InlineData("{\"a\":\"\\ud800\"}")]
    [InlineData("")]
    public void Of_NotJsonOrNotUnicode_IsTheHashOfTheRawBytes(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        Assert.Equal(Hashing.Sha256Hex(bytes), IdempotencyFingerprint.Of(bytes));
    }

    [Fact]
    public void Of_InvalidUtf8_IsTheHashOfTheRawBytes()
    {
        byte[] bytes = [(byte)'"', 0xC3, 0x28, (byte)'"'];

        Assert.Equal(Hashing.Sha256Hex(bytes), IdempotencyFingerprint.Of(bytes));
    }

    [Fact]
    public void Of_DuplicateNames_IsDeterministicAndKeepsTheirOrder()
    {
        var first = IdempotencyFingerprint.Of(Encoding.UTF8.GetBytes("""{"b":1,"a":1,"a":2}"""));
        var again = IdempotencyFingerprint.Of(Encoding.UTF8.GetBytes("""{ "a":1, "b":1, "a":2 }"""));
        var swapped = IdempotencyFingerprint.Of(Encoding.UTF8.GetBytes("""{"a":2,"b":1,"a":1}"""));

        Assert.Equal(first, again);
        Assert.NotEqual(first, swapped);
    }
}
