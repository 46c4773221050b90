namespace MarketingOps.Core.Plugins;

/// <summary>A plugin that cannot be installed, with the reason in words for the user.</summary>
public sealed class PluginInstallException : Exception
{
    public PluginInstallException()
    {
    }

    public PluginInstallException(string message)
        : base(message)
    {
    }

    public PluginInstallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
