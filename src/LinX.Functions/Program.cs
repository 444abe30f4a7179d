using System.Text.Json;
using Azure.Core.Serialization;
using LinX.Core;
using LinX.Functions;
using LinX.Functions.Sms;
using LinX.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Production host: the same registrations as LinX.Local, minus the embedded durable runtime (Durable
// Functions runs the orchestrator and activities here) and the dev SMS inbox (ACS sends the SMS).
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Durable payloads (inputs, outputs, events, custom status) go through the worker's serializer: Web defaults
// (camelCase) make both hosts store the same JSON. HTTP responses are LinX.Api's own (ApiJson), on both hosts.
builder.Services.Configure<WorkerOptions>(options =>
    options.Serializer = new JsonObjectSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)));

builder.Services
    .AddLinXCore()
    .AddLinXTableStorage()
    .AddLinXSandboxPayments()
    .AddLinXWebhookSender()
    .AddLinXAcsSms()
    .AddLinXDurableFunctionsClient();

await builder.Build().RunAsync();
