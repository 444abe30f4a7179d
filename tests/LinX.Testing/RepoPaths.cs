namespace LinX.Testing;

/// <summary>Locates the repository root (the folder holding LinX.Functions.sln) and the shared seed.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LinX.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (LinX.Functions.sln) above " + AppContext.BaseDirectory);
    }
}
