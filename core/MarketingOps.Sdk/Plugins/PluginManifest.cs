namespace MarketingOps.Sdk;

/// <summary>The contents of a plugin's <c>plugin.json</c>, read by the host before any plugin code runs.</summary>
/// <param name="Id">Stable identifier, lower-case, unique within a host (for example <c>sandbox</c>).</param>
/// <param name="Version">The plugin's own semantic version.</param>
/// <param name="SdkRange">The SDK versions the plugin was built for, as a NuGet version range such as <c>[1.0,2.0)</c>.</param>
/// <param name="EntryAssembly">File name of the assembly that holds the <see cref="IPluginEntryPoint"/>.</param>
/// <param name="Kind">Whether the plugin adds a platform or workflows.</param>
public sealed record PluginManifest(string Id, string Version, string SdkRange, string EntryAssembly, PluginKind Kind)
{
    /// <summary>The manifest's file name inside a plugin folder.</summary>
    public const string FileName = "plugin.json";

    /// <summary>A human-readable name. The default value is the id.</summary>
    public string? DisplayName { get; init; }

    /// <summary>One sentence on what the plugin does.</summary>
    public string? Description { get; init; }
}
