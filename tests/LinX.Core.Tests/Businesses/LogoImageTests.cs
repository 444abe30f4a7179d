using LinX.Core.Businesses;
using LinX.Testing;

namespace LinX.Core.Tests.Businesses;

public sealed class LogoImageTests
{
    public static TheoryData<string, byte[]> Valid => new()
    {
        { LogoImage.Png, TestImages.Png(48, 48) },
        { LogoImage.Png, TestImages.Png(1024, 1) },
        { LogoImage.Jpeg, TestImages.Jpeg(1024, 1024) },
        { LogoImage.WebP, TestImages.WebPLossy(320, 200) },
        { LogoImage.WebP, TestImages.WebPLossless(1, 1024) },
        { LogoImage.WebP, TestImages.WebPExtended(1024, 512) },
    };

    public static TheoryData<string, byte[]> TooManyPixels => new()
    {
        { LogoImage.Png, TestImages.Png(1025, 10) },
        { LogoImage.Jpeg, TestImages.Jpeg(10, 1025) },
        { LogoImage.WebP, TestImages.WebPLossy(2000, 1000) },
        { LogoImage.WebP, TestImages.WebPLossless(1025, 1025) },
        { LogoImage.WebP, TestImages.WebPExtended(1024, 1025) },
    };

    public static TheoryData<string, byte[]> NotThatImage => new()
    {
        { LogoImage.Png, TestImages.Svg() },
        { LogoImage.Png, TestImages.Jpeg(10, 10) },
        { LogoImage.Jpeg, TestImages.Png(10, 10) },
        { LogoImage.WebP, TestImages.Png(10, 10) },
        { LogoImage.Png, TestImages.Png(10, 10)[..20] },
        { LogoImage.Jpeg, TestImages.Jpeg(10, 10)[..12] },
        { LogoImage.Jpeg, [0xFF, 0xD8, 0xFF, 0xD9] },
        { LogoImage.WebP, TestImages.WebPLossy(10, 10)[..24] },
        { LogoImage.Png, [] },
        { LogoImage.Png, TestImages.Png(0, 10) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Check_ImageOfItsTypeWithinTheLimits_HasNoProblem(string contentType, byte[] image) =>
        Assert.Empty(LogoImage.Check(contentType, image));

    [Theory]
    [MemberData(nameof(TooManyPixels))]
    public void Check_MoreThan1024PixelsEitherWay_IsDimensionsTooLarge(string contentType, byte[] image)
    {
        var problem = Assert.Single(LogoImage.Check(contentType, image));

        Assert.Equal(ServiceErrorCodes.LogoDimensionsTooLarge, problem.ErrorCode);
        Assert.Contains("1024×1024", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NotThatImage))]
    public void Check_BytesThatAreNotTheClaimedImage_IsNotAnImage(string contentType, byte[] image)
    {
        var problem = Assert.Single(LogoImage.Check(contentType, image));

        Assert.Equal(ServiceErrorCodes.LogoNotAnImage, problem.ErrorCode);
        Assert.Equal("$", problem.Path);
    }

    [Fact]
    public void Check_PngSizeFromTheHeader_NamesTheDimensionsInTheMessage()
    {
        var problem = Assert.Single(LogoImage.Check(LogoImage.Png, TestImages.Png(2000, 1000)));

        Assert.Contains("2000×1000", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_JpegWithMarkersAndFillBytesBeforeTheFrame_ReadsTheFrameSize()
    {
        var plain = TestImages.Jpeg(1500, 20);
        byte[] withFill = [.. plain[..2], 0xFF, 0xFF, .. plain[2..]];

        Assert.Equal(ServiceErrorCodes.LogoDimensionsTooLarge, Assert.Single(LogoImage.Check(LogoImage.Jpeg, withFill)).ErrorCode);
    }

    [Fact]
    public void Of_SameBytes_SameHashAndUrl()
    {
        var image = TestImages.Png(8, 8);
        var businessId = Guid.NewGuid();

        var logo = BusinessLogo.Of(LogoImage.Png, image);

        Assert.Equal(logo, BusinessLogo.Of(LogoImage.Png, image.ToArray()));
        Assert.Equal(64, logo.Sha256.Length);
        Assert.Equal($"/linx/brand/{businessId}/logo/{logo.Sha256}", logo.UrlOf(businessId));
    }
}
