using LinX.Local;
using LinX.Local.Azurite;

// Disposed on every exit path, so a host that fails to start still stops the Azurite it started.
await using var app = LinxLocalApplication.Create(args);
try
{
    await app.RunAsync();
    return 0;
}
catch (AzuritePortInUseException e)
{
    // What to do, as the last line of the output, without a stack trace: a setting to change, not a bug.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
