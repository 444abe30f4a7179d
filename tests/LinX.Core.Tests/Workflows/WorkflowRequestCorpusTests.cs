using LinX.Core.Workflows;

namespace LinX.Core.Tests.Workflows;

/// <summary>The raw request bodies under Corpus/invalid, each rejected with exactly its expected codes.</summary>
public sealed class WorkflowRequestCorpusTests
{
    private readonly WorkflowRequestValidator _validator = new();

    public static TheoryData<string> InvalidRequests() => new(RequestCorpus.InvalidNames());

    [Fact]
    public void Corpus_InvalidRequests_AreAtLeastSixty()
    {
        Assert.True(RequestCorpus.InvalidNames().Count() >= 60);
    }

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void Validate_InvalidCorpusRequest_ReturnsExactlyTheExpectedCodes(string name)
    {
        var expected = RequestCorpus.ExpectedCodes(name).Order(StringComparer.Ordinal).ToList();

        var result = _validator.Validate(RequestCorpus.Invalid(name));

        Assert.Null(result.Plan);
        Assert.Equal(expected, result.Errors.Select(e => e.ErrorCode).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Corpus_ExpectedCodes_AreAllDefinedConstants()
    {
        var defined = typeof(WorkflowErrorCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet();

        var used = RequestCorpus.InvalidNames().SelectMany(RequestCorpus.ExpectedCodes).Distinct();

        Assert.All(used, code => Assert.Contains(code, defined));
    }

    [Fact]
    public void Corpus_InvalidRequests_CoverEveryErrorCode()
    {
        var defined = typeof(WorkflowErrorCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!);

        var used = RequestCorpus.InvalidNames().SelectMany(RequestCorpus.ExpectedCodes).ToHashSet();

        var uncovered = defined.Except(used).ToList();

        Assert.Equal([], uncovered);
    }
}
