using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Shared;

/// <summary>Stops a plugin's registration on bad settings, listing every problem.</summary>
internal static class SettingsProblems
{
    public static void ThrowIfAny(string platform, IReadOnlyCollection<SettingsProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Invalid {platform} plugin settings: " + string.Join("; ", problems.Select(p => $"{p.Key}: {p.Message}")));
        }
    }
}
