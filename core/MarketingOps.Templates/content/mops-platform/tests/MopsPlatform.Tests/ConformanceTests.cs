using System.Reflection;
using MarketingOps.Sdk.Testing;

namespace MopsPlatform.Tests;

/// <summary>
/// Every check of the MarketingOps conformance kit against this plugin: loaded by the host's real loader from its build
/// output, driven directly and through the host's publish pipeline on a fake clock. A failure says what to change.
/// </summary>
public sealed class ConformanceTests : PlatformConformanceTests
{
    /// <summary>A canary: the kit fails the plugin if this value shows up in a log line, an exception or a result.</summary>
    private const string Token = "mopsplatform-token-CANARY-0d1f";

    public static string PluginFolder { get; } = typeof(ConformanceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PluginFolder").Value!;

    protected override PlatformUnderTest CreatePlatformUnderTest() => new(PluginFolder)
    {
        Secrets = new Dictionary<string, string> { ["mops-plugin-id/conformance/token"] = Token },
        // The in-memory network makes no HTTP requests the kit could break, so it loses an answer itself when asked.
        // Once the plugin calls an HTTP API through registrar.CreateHttpMessageHandler(), remove this line and point
        // SettingsJson at your own fake server instead.
        LostAnswerSettingsJson = """{ "loseAnswers": "true" }""",
    };
}
