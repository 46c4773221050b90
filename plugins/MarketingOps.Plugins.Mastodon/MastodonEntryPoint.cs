using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Plugins.Mastodon;

/// <summary>Registers the Mastodon platform with the host.</summary>
public sealed class MastodonEntryPoint : IPluginEntryPoint
{
    public IReadOnlyList<SettingsProblem> ValidateSettings(IConfiguration settings) => MastodonSettings.Read(settings).Problems;

    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var (settings, problems) = MastodonSettings.Read(registrar.Settings);
        var accountProblems = registrar.Accounts.SelectMany(a => MastodonSettings.ValidateAccount($"accounts:{a.Name}", a.Settings));
        var all = problems.Concat(accountProblems).ToList();
        SettingsProblems.ThrowIfAny("Mastodon", all);

        // Writable secrets (SDK 1.1): `mops accounts connect` stores the instance's app registration and the account's token.
        registrar.AddPlatform(new MastodonPlatform(settings, registrar.Accounts, registrar.WritableSecrets, registrar.LoggerFactory, registrar.Clock, primary: registrar.CreateHttpMessageHandler));
    }
}
