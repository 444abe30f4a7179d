using LinX.Local;

// Disposed on every exit path, so a host that fails to start still stops the Azurite it started.
await using var app = LinxLocalApplication.Create(args);
await app.RunAsync();
