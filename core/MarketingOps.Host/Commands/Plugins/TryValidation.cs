namespace MarketingOps.Host.Commands.Plugins;

/// <summary>The plugin's verdict on the draft.</summary>
internal sealed record TryValidation(bool Valid, int Length, int MaxLength, IReadOnlyList<string> Problems);
