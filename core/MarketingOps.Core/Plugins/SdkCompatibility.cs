using MarketingOps.Sdk;
using NuGet.Versioning;

namespace MarketingOps.Core.Plugins;

/// <summary>Decides whether a plugin's declared SDK range includes the SDK this host carries.</summary>
internal static class SdkCompatibility
{
    public static NuGetVersion HostSdkVersion { get; } = new(SdkInfo.Version.Major, SdkInfo.Version.Minor, Math.Max(0, SdkInfo.Version.Build));

    /// <summary>Returns null when compatible, else the reason it is not.</summary>
    public static string? Check(PluginManifest manifest) => Check(manifest.SdkRange, HostSdkVersion);

    public static string? Check(string sdkRange, NuGetVersion hostVersion)
    {
        if (!VersionRange.TryParse(sdkRange, out var range))
        {
            return $"sdkRange \"{sdkRange}\" is not a version range such as \"[1.0,2.0)\"";
        }

        return range.Satisfies(hostVersion)
            ? null
            : $"built for SDK {sdkRange}, but this host provides SDK {hostVersion.ToNormalizedString()}";
    }
}
