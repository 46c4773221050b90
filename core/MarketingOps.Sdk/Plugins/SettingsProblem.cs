namespace MarketingOps.Sdk;

/// <summary>One invalid setting: <paramref name="Key"/> is the setting's path below the plugin's settings, such as <c>seed</c> or <c>accounts:0:handle</c>.</summary>
public sealed record SettingsProblem(string Key, string Message);
