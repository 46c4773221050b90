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
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid X plugin settings: " + string.Join("; ", problems.Select(p => $"{p.Key}: {p.Message}")));
        }

        registrar.AddPlatform(new XPlatform(settings, registrar.Accounts, registrar.Secrets, registrar.LoggerFactory, registrar.Clock));
    }
}
