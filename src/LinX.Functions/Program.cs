using LinX.Functions;
using Microsoft.Extensions.Hosting;

// Production host: Azure Functions isolated worker, HTTP triggers on ASP.NET Core, Durable Functions.
await LinXFunctionsApplication.Create(args).RunAsync();
