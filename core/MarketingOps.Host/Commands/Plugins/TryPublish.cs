namespace MarketingOps.Host.Commands.Plugins;

/// <summary>The post the try stored and fired: its state after the host's publishing path, or Refused by the guardrails (no post stored).</summary>
internal sealed record TryPublish(string? PostId, string State, string? PlatformPostId, Uri? Url, string? Error);
