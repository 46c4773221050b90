namespace MarketingOps.Packaging.Tests;

/// <summary>The mops tool, installed once per run from the packed feed into a temporary tool path.</summary>
internal static class MopsTool
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The installed <c>mops</c> executable.</summary>
    public static async Task<string> InstallAsync(PackedFeed feed)
    {
        await feed.PackAsync("core/MarketingOps.Host/MarketingOps.Host.csproj");
        var tools = Path.Combine(feed.Root, "tools");
        var mops = Path.Combine(tools, "mops");
        await Gate.WaitAsync();
        try
        {
            if (!File.Exists(mops))
            {
                await Shell.RunAsync(feed.Root, "dotnet", ["tool", "install", "MarketingOps.Cli", "--tool-path", tools, "--add-source", feed.Feed, "--version", feed.VersionOf("MarketingOps.Cli"), "--ignore-failed-sources"]);
            }
        }
        finally
        {
            Gate.Release();
        }

        Assert.True(File.Exists(mops), "dotnet tool install put no mops into " + tools);
        return mops;
    }
}
