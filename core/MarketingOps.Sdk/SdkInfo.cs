namespace MarketingOps.Sdk;

/// <summary>Facts about this SDK build.</summary>
public static class SdkInfo
{
    /// <summary>The SDK version plugins declare in their manifest's range; it follows semantic versioning.</summary>
    public static Version Version { get; } = typeof(SdkInfo).Assembly.GetName().Version ?? new Version(1, 0, 0);
}
