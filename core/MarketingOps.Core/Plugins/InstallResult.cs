using MarketingOps.Sdk;

namespace MarketingOps.Core.Plugins;

/// <summary>What <c>mops plugins install</c> did.</summary>
/// <param name="Manifest">The installed plugin's manifest.</param>
/// <param name="Directory">Where it now lives.</param>
/// <param name="RelativePath">The path written to <c>plugins.json</c>.</param>
/// <param name="Previous">The older version's folder, kept until the host runs the new one.</param>
/// <param name="Warnings">Reference conflicts with what the host shares.</param>
internal sealed record InstallResult(PluginManifest Manifest, string Directory, string RelativePath, string? Previous, IReadOnlyList<string> Warnings);
