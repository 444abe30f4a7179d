using LinX.Bench;
using LinX.Testing;

// Usage: dotnet run -c Release --project bench/LinX.Bench -- <create|workflow|engine|idle|search|batch|all> [name=value ...]
//   create:   seconds=10 levels=1,8,32,128
//   workflow: workflows=1000 customers=16
//   engine:   workflows=200 customers=16 (the bare engine, seed-3-shaped orchestrations)
//   idle:     waiting=10000 idleSeconds=60
//   search:   sizes=10000,100000 searches=50 (rows written straight to storage; searches over HTTP)
//   batch:    entries=1000 customers=16 rate=20 baseline=160 after=64 (not part of all)
//   any:      azurite=disk|memory (disk: in memory, Azurite's queue garbage collection is quadratic)
var command = args.Length > 0 ? args[0] : "all";
var options = BenchOptions.Parse(args.Skip(1));

// LINX_BENCH_STORAGE (a connection string, kept out of the command line): the search benchmark against that storage
// account instead of a local Azurite, which cannot load 100,000 workflows in hours (docs/performance.md §5). Each size's
// tables, queues and containers are deleted after it. Never set on this machine: its network is loopback only.
if (Environment.GetEnvironmentVariable("LINX_BENCH_STORAGE") is { Length: > 0 } account)
{
    if (command != "search")
    {
        Console.Error.WriteLine("LINX_BENCH_STORAGE runs the search benchmark only.");
        return 2;
    }

    Console.WriteLine($"LinX on the local host and the storage account of LINX_BENCH_STORAGE, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    await SearchBench.RunAsync(account, options, cleanUp: true);
    return 0;
}

var onDisk = options.Text("azurite", "disk") == "disk";
var azurite = onDisk ? AzuriteFixture.OnDisk() : new AzuriteFixture();
await azurite.InitializeAsync();

// Ctrl+C or a SIGTERM (timeout, kill) ends the run and stops its Azurite; the in-process host takes no signals of its
// own (LinX.Local.Durable.EmbeddedHostLifetime).
using var stopOnExit = azurite.StopOnProcessExit();
try
{
    Console.WriteLine($"LinX on the local host and Azurite 3.35 ({(onDisk ? "on disk" : "in memory")}), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    if (command is "create" or "all")
    {
        await CreateBench.RunAsync(azurite.ConnectionString, options);
    }

    if (command is "workflow" or "all")
    {
        await WorkflowBench.RunAsync(azurite.ConnectionString, options);
    }

    if (command is "engine" or "all")
    {
        await EngineBench.RunAsync(azurite.ConnectionString, options);
    }

    if (command is "idle" or "all")
    {
        await IdleBench.RunAsync(azurite.ConnectionString, options);
    }

    if (command is "search" or "all")
    {
        await SearchBench.RunAsync(azurite.ConnectionString, options, cleanUp: false);
    }

    if (command is "batch")
    {
        await BatchBench.RunAsync(azurite.ConnectionString, options);
    }
}
finally
{
    await azurite.DisposeAsync();
}

return 0;
