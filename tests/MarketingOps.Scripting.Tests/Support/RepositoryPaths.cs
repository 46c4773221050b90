namespace MarketingOps.Scripting.Tests.Support;

/// <summary>Finds folders of the repository the tests were built from.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Scripts => Path.Combine(Root, "scripts");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MarketingOps.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MarketingOps.sln not found above " + AppContext.BaseDirectory);
    }
}
