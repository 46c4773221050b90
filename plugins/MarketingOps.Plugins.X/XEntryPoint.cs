using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Plugins.X;

/// <summary>Registers the X platform with the host.</summary>
public sealed class XEntryPoint : IPluginEntryPoint
{
    public IReadOnlyList<SettingsProblem> ValidateSettings(IConfiguration settings) => XSettings.Read(settings).Problems;

    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var (settings, problems) = XSettings.Read(registrar.Settings);
        SettingsProblems.ThrowIfAny("X", problems);

        registrar.AddPlatform(new XPlatform(settings, registrar.Accounts, registrar.Secrets, registrar.LoggerFactory, registrar.Clock));
    }
}
