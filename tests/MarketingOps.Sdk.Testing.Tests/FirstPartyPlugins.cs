namespace MarketingOps.Sdk.Testing.Tests;

/// <summary>The first-party plugins' build output in artifacts/plugins of this repository.</summary>
internal static class FirstPartyPlugins
{
    public static string Folder(string project)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "artifacts", "plugins", project);
            if (File.Exists(Path.Combine(directory.FullName, "MarketingOps.sln")))
            {
                return Directory.Exists(candidate) ? candidate : throw new InvalidOperationException($"{candidate} is missing: build the solution first");
            }
        }

        throw new InvalidOperationException("MarketingOps.sln not found above " + AppContext.BaseDirectory);
    }
}
