using LinX.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// Production host: Azure Functions isolated worker, HTTP triggers on ASP.NET Core, Durable Functions. Every
// registration is in AddLinXFunctions, which the composition test builds.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddLinXFunctions();
await builder.Build().RunAsync();
