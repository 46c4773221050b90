using System.Security;

namespace MarketingOps.Packaging.Tests;

/// <summary>
/// The template package installed once per run into a template hive of its own (a temporary <c>DOTNET_CLI_HOME</c>), and
/// an environment in which a plugin made from it restores offline: <c>MarketingOps.*</c> only from the packed feed,
/// everything else from this machine's NuGet cache used as a read-only source, into a package folder of the run's own
/// (so an older build of the SDK in the shared cache can never stand in for the one just packed).
/// </summary>
internal static class PluginTemplates
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Dictionary<string, string>? _environment;

    /// <summary>A fresh empty folder for a plugin author, under the folder whose nuget.config restores offline.</summary>
    /// <remarks>Not the feed's root: its package source mapping would refuse the tool tests' `dotnet tool install --add-source`.</remarks>
    public static string NewAuthorFolder(PackedFeed feed, string name)
    {
        var path = Path.Combine(AuthorsRoot(feed), name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The environment for <c>dotnet new</c>, <c>dotnet build</c> and <c>dotnet test</c> in <paramref name="feed"/>'s folders.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> InstallAsync(PackedFeed feed)
    {
        await Task.WhenAll(
            feed.PackAsync("core/MarketingOps.Sdk/MarketingOps.Sdk.csproj"),
            feed.PackAsync("core/MarketingOps.Sdk.Testing/MarketingOps.Sdk.Testing.csproj"),
            feed.PackAsync("core/MarketingOps.Templates/MarketingOps.Templates.csproj"));
        await Gate.WaitAsync();
        try
        {
            if (_environment is null)
            {
                var environment = new Dictionary<string, string>
                {
                    ["DOTNET_CLI_HOME"] = Path.Combine(feed.Root, "cli-home"),
                    ["NUGET_PACKAGES"] = Path.Combine(feed.Root, "nuget-packages"),
                    ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
                };
                Directory.CreateDirectory(AuthorsRoot(feed));
                File.WriteAllText(Path.Combine(AuthorsRoot(feed), "nuget.config"), $"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <configuration>
                      <packageSources>
                        <clear />
                        <add key="mops" value="{SecurityElement.Escape(feed.Feed)}" />
                        <add key="cache" value="{SecurityElement.Escape(MachineCache())}" />
                      </packageSources>
                      <packageSourceMapping>
                        <packageSource key="mops"><package pattern="MarketingOps.*" /></packageSource>
                        <packageSource key="cache"><package pattern="*" /></packageSource>
                      </packageSourceMapping>
                    </configuration>
                    """);
                var package = Path.Combine(feed.Feed, $"MarketingOps.Templates.{feed.VersionOf("MarketingOps.Templates")}.nupkg");
                var installed = await Shell.RunAsync(feed.Root, "dotnet", ["new", "install", package], environment);
                Assert.Contains("mops-platform", installed, StringComparison.Ordinal);
                Assert.Contains("mops-workflow", installed, StringComparison.Ordinal);
                _environment = environment;
            }

            return _environment;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string AuthorsRoot(PackedFeed feed) => Path.Combine(feed.Root, "authors");

    // The packages this machine already has: the solution's build restored every one a template needs.
    private static string MachineCache() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
