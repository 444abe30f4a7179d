using System.Text;
using LinX.Core.Workflows;
using C = LinX.Core.Workflows.WorkflowErrorCodes;

namespace LinX.Core.Tests.Workflows;

/// <summary>Problems of the body as bytes and JSON text, which edits of a parsed seed cannot express.</summary>
public sealed class WorkflowRequestValidatorBodyTests
{
    private const string Valid =
        "{\"title\":\"t\",\"parameters\":{\"channel\":\"SMS\",\"phoneNumber\":\"+16471234567\"}," +
        "\"steps\":[{\"name\":\"notification\"},{\"name\":\"customer-account\"}]}";

    private readonly WorkflowRequestValidator _validator = new();

    public static TheoryData<string, string, string> BrokenBodies() => new()
    {
        { "", "$", C.EmptyBody },
        { " \n ", "$", C.EmptyBody },
        { "{\"title\":", "$", C.MalformedJson },
        { "[]", "$", C.InvalidType },
        { "42", "$", C.InvalidType },
        { Valid[..^1] + ",\"title\":\"again\"}", "$.title", C.DuplicateKey },
        { Valid.Replace("\"channel\":\"SMS\"", "\"channel\":\"SMS\",\"channel\":\"SMS\"", StringComparison.Ordinal), "$.parameters.channel", C.DuplicateKey },
        { Valid.Replace("{\"name\":\"notification\"}", "{\"name\":\"notification\",\"name\":\"notification\"}", StringComparison.Ordinal), "$.steps[0].name", C.DuplicateKey },
        { Valid.Replace("\"title\":\"t\"", "\"title\":\"\\ud800\"", StringComparison.Ordinal), "$.title", C.InvalidEncoding },
        { Valid[..^1] + ",\"x\\ud800\":1}", "$", C.InvalidEncoding },
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public void Validate_BrokenBody_ReportsItAtItsPath(string body, string expectedPath, string expectedCode)
    {
        var result = _validator.Validate(Encoding.UTF8.GetBytes(body));

        var error = Assert.Single(result.Errors);
        Assert.Equal((expectedPath, expectedCode), (error.Path, error.ErrorCode));
    }

    [Fact]
    public void Validate_InvalidUtf8_ReportsEncoding()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"title\":\"Caf"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")];

        var result = _validator.Validate(body);

        Assert.Equal([("$", C.InvalidEncoding)], result.Errors.Select(e => (e.Path, e.ErrorCode)));
    }

    [Fact]
    public void Validate_BodyOverLimit_ReportsBodyTooLargeWithoutParsing()
    {
        var body = new byte[WorkflowLimits.MaxBodyBytes + 1];

        var result = _validator.Validate(body);

        Assert.Equal([("$", C.BodyTooLarge)], result.Errors.Select(e => (e.Path, e.ErrorCode)));
    }

    [Fact]
    public void Validate_NestingTooDeep_ReportsMalformedJson()
    {
        var body = Valid[..^1] + ",\"x\":" + new string('[', 100) + new string(']', 100) + "}";

        var result = _validator.Validate(Encoding.UTF8.GetBytes(body));

        Assert.Equal([("$", C.MalformedJson)], result.Errors.Select(e => (e.Path, e.ErrorCode)));
    }

    [Fact]
    public void Validate_MalformedJson_MessageGivesPositionWithoutEchoingInput()
    {
        var result = _validator.Validate("{\"title\": secret-value}"u8);

        var error = Assert.Single(result.Errors);
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FloodOfUnknownFields_CapsTheListAndSaysSo()
    {
        var fields = string.Concat(Enumerable.Range(0, 500).Select(i => $",\"f{i}\":{i}"));

        var result = _validator.Validate(Encoding.UTF8.GetBytes(Valid[..^1] + fields + "}"));

        Assert.Equal(WorkflowLimits.MaxErrors + 1, result.Errors.Count);
        Assert.Equal(("$", C.TooManyErrors), (result.Errors[^1].Path, result.Errors[^1].ErrorCode));
    }
}
