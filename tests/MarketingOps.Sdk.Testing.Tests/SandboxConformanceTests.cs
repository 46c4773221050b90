namespace MarketingOps.Sdk.Testing.Tests;

/// <summary>The first-party sandbox plugin, from artifacts/plugins, passes the kit; its own seeded faults stand in for the HTTP handler.</summary>
public sealed class SandboxConformanceTests : PlatformConformanceTests
{
    protected override PlatformUnderTest CreatePlatformUnderTest() => new(FirstPartyPlugins.Folder("MarketingOps.Plugins.Sandbox"))
    {
        SettingsJson = """{ "seed": 7, "maxLength": 300 }""",
        LostAnswerSettingsJson = """{ "seed": 7, "maxLength": 300, "faults": { "ambiguousRate": 1 } }""",
    };
}
