using Microsoft.Extensions.Configuration;

namespace MarketingOps.Sdk;

/// <summary>The one type a plugin implements so the host can register what it offers; it needs a public parameterless constructor.</summary>
public interface IPluginEntryPoint
{
    /// <summary>Checks the plugin's settings from <c>plugins.json</c> without side effects; each problem names the setting it is about.</summary>
    IReadOnlyList<SettingsProblem> ValidateSettings(IConfiguration settings) => [];

    /// <summary>Adds the plugin's platform or workflows to the host.</summary>
    void Register(IPluginRegistrar registrar);
}
