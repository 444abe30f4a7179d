using System.Text;
using LinX.Api.Http;
using LinX.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LinX.Api.Tests.Http;

public sealed class RequestBodyTests
{
    private const string Json = """{ "hours": 5 }""";

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=\"UTF-8\"")]
    [InlineData("application/problem+json")]
    [InlineData("application/merge-patch+json; charset=utf-8")]
    public async Task ReadJsonAsync_JsonMediaType_ReadsTheBody(string contentType)
    {
        var http = Request(Json, contentType);

        var read = await RequestBody.ReadJsonAsync(http);

        Assert.Null(read.Problem);
        Assert.Equal(Json, Encoding.UTF8.GetString(read.Bytes.Span));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/jsonp")]
    [InlineData("text/json")]
    [InlineData("json")]
    [InlineData(null)]
    public async Task ReadJsonAsync_OtherOrNoMediaType_Is415(string? contentType)
    {
        var http = Request(Json, contentType);

        var read = await RequestBody.ReadJsonAsync(http);

        var response = await ExecutedResult.ExecuteAsync(read.Problem!, http);
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, response.Status);
        Assert.Equal(ApiErrorCodes.UnsupportedMediaType, response.ErrorCode);
        Assert.True(read.Bytes.IsEmpty);
    }

    [Fact]
    public async Task ReadJsonAsync_TwoContentTypeHeaders_Is415()
    {
        var http = Request(Json, null);
        http.Request.Headers.ContentType = new(["application/json", "text/plain"]);

        var read = await RequestBody.ReadJsonAsync(http);

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, (await ExecutedResult.ExecuteAsync(read.Problem!, http)).Status);
    }

    [Fact]
    public async Task ReadJsonAsync_EmptyBodyWithoutMediaType_ReadsNothingForTheParserToReject()
    {
        var http = Request(string.Empty, null);

        var read = await RequestBody.ReadJsonAsync(http);

        Assert.Null(read.Problem);
        Assert.True(read.Bytes.IsEmpty);
    }

    [Fact]
    public async Task ReadJsonAsync_ChunkedBodyWithoutMediaType_Is415()
    {
        var http = Request(Json, null);
        http.Request.ContentLength = null;
        http.Features.Set<IHttpRequestBodyDetectionFeature>(new BodyDetection(true));

        var read = await RequestBody.ReadJsonAsync(http);

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, (await ExecutedResult.ExecuteAsync(read.Problem!, http)).Status);
    }

    [Theory]
    [InlineData("bad-request")]
    [InlineData("reset")]
    public async Task ReadAsync_BodyThatCannotBeRead_Is400MalformedBody(string failure)
    {
        var http = Request(Json, "application/json");
        http.Request.Body = new FailingStream(failure == "reset"
            ? new IOException("The client reset the request stream.")
            : new BadHttpRequestException("Bad chunk size data.", StatusCodes.Status400BadRequest));

        var read = await RequestBody.ReadJsonAsync(http);

        var response = await ExecutedResult.ExecuteAsync(read.Problem!, http);
        Assert.Equal(StatusCodes.Status400BadRequest, response.Status);
        Assert.Equal(ApiErrorCodes.ValidationFailed, response.ErrorCode);
        Assert.Equal(ApiErrorCodes.MalformedBody, response.Body.GetProperty("errors")[0].GetProperty("errorCode").GetString());
        Assert.DoesNotContain("chunk size", response.Body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ServerBodyLimitExceeded_IsBodyTooLarge()
    {
        var http = Request(Json, "application/json");
        http.Request.Body = new FailingStream(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        var read = await RequestBody.ReadAsync(http);

        Assert.Equal(ApiErrorCodes.BodyTooLarge, (await ExecutedResult.ExecuteAsync(read.Problem!, http)).ErrorCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_BodyOverTheLimit_IsBodyTooLarge(bool declaredLength)
    {
        var http = Request(new string('x', RequestBody.MaxBytes + 1), "application/json");
        http.Request.ContentLength = declaredLength ? RequestBody.MaxBytes + 1 : null;

        var read = await RequestBody.ReadAsync(http);

        Assert.Equal(ApiErrorCodes.BodyTooLarge, (await ExecutedResult.ExecuteAsync(read.Problem!, http)).ErrorCode);
    }

    private static DefaultHttpContext Request(string body, string? contentType)
    {
        var http = ExecutedResult.NewContext();
        var bytes = Encoding.UTF8.GetBytes(body);
        http.Request.Method = HttpMethods.Post;
        http.Request.Body = new MemoryStream(bytes);
        http.Request.ContentLength = bytes.Length;
        http.Request.ContentType = contentType;
        return http;
    }

    private sealed class BodyDetection(bool canHaveBody) : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => canHaveBody;
    }

    /// <summary>A request body whose first read fails, as Kestrel's does on a malformed chunk or a reset connection.</summary>
    private sealed class FailingStream(Exception failure) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw failure;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException<int>(failure);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
