namespace MarketingOps.Core.Tests.Plugins;

/// <summary>Paths in the repository the tests were built from.</summary>
internal static class RepositoryFolder
{
    public static string Root { get; } = Find();

    /// <summary>A plugin's build output in artifacts/plugins; its project is referenced by this test project, so it is built first.</summary>
    public static string BuiltPlugin(string project)
    {
        var path = Path.Combine(Root, "artifacts", "plugins", project);
        return Directory.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build the solution (dotnet build MarketingOps.sln)");
    }

    private static string Find()
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
