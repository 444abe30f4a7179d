using LinX.Local;

await LinxLocalApplication.Create(args).RunAsync();
