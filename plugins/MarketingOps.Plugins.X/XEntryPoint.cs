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

        // Writable secrets (SDK 1.1): X rotates refresh tokens, and the new ones must survive a restart.
        registrar.AddPlatform(new XPlatform(settings, registrar.Accounts, registrar.WritableSecrets, registrar.LoggerFactory, registrar.Clock, primary: registrar.CreateHttpMessageHandler));
    }
}
