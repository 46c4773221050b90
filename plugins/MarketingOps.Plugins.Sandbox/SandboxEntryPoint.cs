using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Sandbox;

public sealed class SandboxEntryPoint : IPluginEntryPoint
{
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
    }
}
