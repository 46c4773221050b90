namespace MarketingOps.Core.Plugins;

/// <summary>Where a plugin stands after loading; anything but <see cref="Active"/> comes with a reason.</summary>
public enum PluginStatus
{
    Active,
    NotSupported,
    Malfunctioned,
    Disabled,
}
