using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MopsPlatform;

/// <summary>What the host finds in the entry assembly: it checks the settings, then registers the platform.</summary>
public sealed class PluginEntryPoint : IPluginEntryPoint
{
    public IReadOnlyList<SettingsProblem> ValidateSettings(IConfiguration settings)
    {
        var problems = new List<SettingsProblem>();
        NetworkSettings.Read(settings, problems);
        return problems;
    }

    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var problems = new List<SettingsProblem>();
        var settings = NetworkSettings.Read(registrar.Settings, problems);
        if (problems.Count > 0)
        {
            // The host has shown these already (ValidateSettings runs first); never put a secret into this message.
            throw new InvalidOperationException("invalid settings: " + string.Join("; ", problems.Select(p => $"{p.Key}: {p.Message}")));
        }

        registrar.AddPlatform(new NetworkPlatform(settings, new InMemoryNetwork(registrar.Clock), registrar));
    }
}
