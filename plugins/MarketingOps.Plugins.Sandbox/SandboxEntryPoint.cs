using MarketingOps.Plugins.Sandbox.Network;
using MarketingOps.Plugins.Sandbox.Settings;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.Sandbox;

/// <summary>Registers the sandbox network: a simulated platform, deterministic for its seed.</summary>
public sealed class SandboxEntryPoint : IPluginEntryPoint
{
    public IReadOnlyList<SettingsProblem> ValidateSettings(IConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<SettingsProblem>();
        SandboxSettingsReader.Read(settings, problems);
        return problems;
    }

    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var problems = new List<SettingsProblem>();
        var settings = SandboxSettingsReader.Read(registrar.Settings, problems);
        var accounts = SandboxSettingsReader.ReadAccounts(registrar.Accounts, problems);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "The sandbox settings are invalid: " + string.Join("; ", problems.Select(p => $"{p.Key}: {p.Message}")));
        }

        var platform = new SandboxPlatform(
            registrar.Manifest.Id,
            registrar.Manifest.DisplayName ?? "Sandbox network",
            settings,
            accounts,
            registrar.Clock,
            registrar.LoggerFactory.CreateLogger<SandboxPlatform>());
        registrar.AddPlatform(platform);
    }
}
