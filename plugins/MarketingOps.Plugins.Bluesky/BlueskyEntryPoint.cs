using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Plugins.Bluesky;

/// <summary>Registers the Bluesky platform with the host.</summary>
public sealed class BlueskyEntryPoint : IPluginEntryPoint
{
    public IReadOnlyList<SettingsProblem> ValidateSettings(IConfiguration settings) => BlueskySettings.Read(settings).Problems;

    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var (settings, problems) = BlueskySettings.Read(registrar.Settings);
        SettingsProblems.ThrowIfAny("Bluesky", problems);

        // Writable secrets (SDK 1.1): `mops accounts connect` stores the app password the account signs in with.
        registrar.AddPlatform(new BlueskyPlatform(settings, registrar.Accounts, registrar.WritableSecrets, registrar.LoggerFactory, registrar.Clock, primary: registrar.CreateHttpMessageHandler));
    }
}
