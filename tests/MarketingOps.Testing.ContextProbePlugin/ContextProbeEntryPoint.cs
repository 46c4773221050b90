using MarketingOps.Sdk;

namespace MarketingOps.Testing.ContextProbePlugin;

/// <summary>Registers the probe platform.</summary>
public sealed class ContextProbeEntryPoint : IPluginEntryPoint
{
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.AddPlatform(new ContextProbePlatform(registrar.Manifest.Id));
    }
}
