using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinX.Core.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LinX.Local.Tests.Security;

/// <summary>
/// What an outside attacker sends on loopback: malformed HTTP framing written byte by byte on a socket, bodies that are
/// not JSON, blank and repeated Idempotency-Keys. Each is a 4xx problem, creates nothing, and logs nothing at Error.
/// </summary>
public sealed class HttpInputAttackTests(HttpInputAttackTests.HostFixture host) : IClassFixture<HttpInputAttackTests.HostFixture>
{
    private static readonly TimeSpan SocketTimeout = TimeSpan.FromSeconds(30);
    private readonly CustomerScript _customer = new(host);

    private const string GatewayStep = "/api/gateway/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/steps/customer-account";

    public static TheoryData<string, string> MalformedFramings => new()
    {
        { "/api/linx/workflows", "chunk-size-not-hex" },
        { GatewayStep, "chunk-size-not-hex" },
        { "/api/linx/workflows", "fewer-bytes-than-content-length" },
        { GatewayStep, "fewer-bytes-than-content-length" },
    };

    [Theory]
    [MemberData(nameof(MalformedFramings))]
    public async Task MalformedBodyFraming_OnABodyRoute_Is400MalformedBodyAndLogsNoError(string route, string framing)
    {
        // Arrange: a chunk size that is not hex; or 100 bytes announced, 10 sent, then nothing (the server gives up on
        // the body after its minimum data rate's grace). The Gateway route is the unauthenticated one.
        var (_, business) = await host.CreateBusinessAsync("Framing Attack Inc");
        var request = Head("POST", route, business) + "Content-Type: application/json\r\n" + (framing == "chunk-size-not-hex"
            ? "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"
            : "Content-Length: 100\r\n\r\n{\"title\":1");

        // Act
        var (status, response) = await SendRawAsync(Encoding.ASCII.GetBytes(request));

        // Assert
        Assert.Equal(400, status);
        Assert.Contains("\"MALFORMED_BODY\"", response, StringComparison.Ordinal);
        Assert.Empty(host.Logs.Errors);
        await AssertNoWorkflowAsync(business);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task GatewayStep_CrossOriginFormOrTextPost_Is415AndRaisesNothing(string contentType)
    {
        // Arrange: a customer on the customer-account step, and a cross-origin page's post: JSON-shaped, not typed JSON.
        var (_, created) = await CustomerScript.PostWorkflowAsync(host.Business, CustomerScript.Seed(1));
        var workflowId = created.GetProperty("workflowId").GetString()!;
        var token = host.Services.GetRequiredService<LinXCrypto>().LinkToken(Guid.Parse(workflowId));
        await _customer.WaitForStepAsync(token, "customer-account");
        var forged = JsonNode.Parse(JsonSerializer.Serialize(CustomerScript.NewProfile))!;
        forged["firstName"] = "Mallory";

        // Act
        using var attack = await host.Anonymous.PostAsync(
            $"/api/gateway/{token}/steps/customer-account", new StringContent(forged.ToJsonString(), Encoding.UTF8, contentType));

        // Assert: 415; then the customer's own submission is the one the workflow applies.
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, attack.StatusCode);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", (await attack.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
        await _customer.SubmitAsync(token, "customer-account", CustomerScript.NewProfile);
        var workflow = await CustomerScript.WaitForStatusAsync(host.Business, workflowId, "COMPLETED");
        var customer = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/customers/{workflow.GetProperty("customerId").GetString()}");
        Assert.Equal("Jane", customer.GetProperty("firstName").GetString());
    }

    [Fact]
    public async Task Create_TextPlainBody_Is415AndCreatesNothing()
    {
        var (_, business) = await host.CreateBusinessAsync("Text Plain Inc");

        using var response = await business.PostAsync("/api/linx/workflows", new StringContent(CustomerScript.Seed(1), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertNoWorkflowAsync(business);
    }

    [Fact]
    public async Task Create_BlankIdempotencyKeyTwice_IsTwo400sAndCreatesNothing()
    {
        var (_, business) = await host.CreateBusinessAsync("Blank Key Inc");

        var answers = new List<(HttpStatusCode Status, JsonElement Body)>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/linx/workflows")
            {
                Content = new StringContent(CustomerScript.Seed(1), Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", "      ");
            using var response = await business.SendAsync(request);
            answers.Add((response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>()));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a.Status));
        Assert.All(answers, a => Assert.Equal("headers.Idempotency-Key", a.Body.GetProperty("errors")[0].GetProperty("path").GetString()));
        await AssertNoWorkflowAsync(business);
    }

    [Fact]
    public async Task Create_TwoIdempotencyKeyHeaders_Is400AndCreatesNothing()
    {
        // Arrange: two header lines (an HTTP client would join them into one); each key alone is valid.
        var (_, business) = await host.CreateBusinessAsync("Two Keys Inc");
        var body = Encoding.UTF8.GetBytes(CustomerScript.Seed(1));
        var head = Head("POST", "/api/linx/workflows", business)
            + $"Idempotency-Key: idem-first-{Guid.NewGuid():N}\r\nIdempotency-Key: idem-second-{Guid.NewGuid():N}\r\n"
            + $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";

        // Act
        var (status, response) = await SendRawAsync([.. Encoding.ASCII.GetBytes(head), .. body]);

        // Assert
        Assert.Equal(400, status);
        Assert.Contains("\"IDEMPOTENCY_KEY_INVALID\"", response, StringComparison.Ordinal);
        await AssertNoWorkflowAsync(business);
    }

    [Fact]
    public async Task Create_SameKeyAndJsonWithOtherWhitespaceAndOrder_ReplaysTheWorkflowAndAnotherBodyIs409()
    {
        // Arrange: the seed as written, and the same JSON compact with its top-level members reversed.
        var (_, business) = await host.CreateBusinessAsync("Idempotent Inc");
        var key = "idem-" + Guid.NewGuid().ToString("N");
        var pretty = CustomerScript.Seed(1);
        var reordered = new JsonObject(JsonNode.Parse(pretty)!.AsObject().Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var changed = reordered.DeepClone();
        changed["title"] = "Another request";

        // Act
        var (first, firstBody) = await CustomerScript.PostWorkflowAsync(business, pretty, key);
        var (retry, retryBody) = await CustomerScript.PostWorkflowAsync(business, reordered.ToJsonString(), key);
        var (reused, reusedBody) = await CustomerScript.PostWorkflowAsync(business, changed.ToJsonString(), key);

        // Assert
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, retry.StatusCode));
        Assert.Equal(firstBody.GetProperty("workflowId").GetString(), retryBody.GetProperty("workflowId").GetString());
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", reusedBody.GetProperty("errors")[0].GetProperty("errorCode").GetString());
        var page = await business.GetFromJsonAsync<JsonElement>("/api/linx/workflows?size=100");
        Assert.Equal(1, page.GetProperty("totalElements").GetInt32());
    }

    private static string Head(string method, string path, HttpClient business) =>
        $"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: {business.DefaultRequestHeaders.Authorization}\r\nConnection: close\r\n";

    private static async Task AssertNoWorkflowAsync(HttpClient business)
    {
        var page = await business.GetFromJsonAsync<JsonElement>("/api/linx/workflows?size=100");
        Assert.Equal(0, page.GetProperty("totalElements").GetInt32());
    }

    /// <summary>Writes the bytes on a new connection and reads the answer to its end (the requests ask the server to close).</summary>
    private async Task<(int Status, string Response)> SendRawAsync(byte[] request)
    {
        using var timeout = new CancellationTokenSource(SocketTimeout);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, new Uri(host.BaseUrl).Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(request, timeout.Token);

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync(timeout.Token);
        var statusLine = response.Split("\r\n", 2)[0].Split(' ');
        return (statusLine.Length > 1 && int.TryParse(statusLine[1], out var status) ? status : 0, response);
    }

    /// <summary>
    /// The local host with what its request pipeline logs at Error or above recorded, and a body that stalls given up
    /// on after 2 s instead of Kestrel's 5 s grace (the same rejection, sooner).
    /// </summary>
    public sealed class HostFixture : LocalHostFixture
    {
        public LogCapture Logs { get; } = new();

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(240, TimeSpan.FromSeconds(2)));
        }
    }

    /// <summary>
    /// Records the entries at Error or above of the request pipeline (<c>Microsoft.AspNetCore.*</c>: the exception
    /// handler, Kestrel, hosting), where an exception escaping a handler is logged; the engine's own logs are not its business.
    /// </summary>
    public sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _errors = new();

        public IReadOnlyCollection<string> Errors => _errors;

        public ILogger CreateLogger(string categoryName) =>
            new Logger(categoryName, categoryName.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) ? _errors : null);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string>? errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => errors is not null && logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    errors!.Enqueue($"{category}: {exception?.GetType().Name} {formatter(state, exception)}");
                }
            }
        }
    }
}
