using MarketingOps.Sdk;

namespace MarketingOps.Host.Web.Contracts;

/// <summary>A text to judge on an account, as <c>mops guardrails check</c> takes it.</summary>
internal sealed record GuardrailCheckRequest(string Account, string Text, MessageKind? Kind = null, string? Recipient = null);
