using LinX.Core.Workflows;

namespace LinX.Core.Tests.Workflows;

/// <summary>No input ever makes the validator throw (DESIGN.md: no input produces a 500).</summary>
public sealed class WorkflowRequestValidatorRobustnessTests
{
    private readonly WorkflowRequestValidator _validator = new();

    public static TheoryData<string> Seeds() => [RequestCorpus.Seed1, RequestCorpus.Seed2, RequestCorpus.Seed3, RequestCorpus.Seed4];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Validate_EveryTruncation_ReturnsErrorsWithoutThrowing(string seed)
    {
        var body = RequestCorpus.Valid(seed);
        var trimmedLength = body.AsSpan().TrimEnd("\r\n "u8).Length;

        var unexpected = Enumerable.Range(0, trimmedLength - 1)
            .Where(length => _validator.Validate(body.AsSpan(0, length)).Errors.Count == 0)
            .ToList();

        Assert.Equal([], unexpected);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Validate_RandomByteMutations_NeverThrowAndAlwaysDecide(string seed)
    {
        var random = new Random(seed.Length); // deterministic: a failure reproduces
        var original = RequestCorpus.Valid(seed);
        byte[] interesting = [0x00, 0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x30, 0x2D, 0x2E, 0x65, 0xC3, 0xFF, 0x75];
        var outcomes = new List<bool>();

        for (var i = 0; i < 2000; i++)
        {
            var body = (byte[])original.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                body[random.Next(body.Length)] = interesting[random.Next(interesting.Length)];
            }

            var result = _validator.Validate(body);
            outcomes.Add(result.IsValid ^ result.Errors.Count > 0);
        }

        Assert.All(outcomes, Assert.True);
    }
}
