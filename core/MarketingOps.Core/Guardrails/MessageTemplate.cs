namespace MarketingOps.Core.Guardrails;

/// <summary>Says a message was filled in from a template, so the fan-out rule can check the personalised parts really differ.</summary>
/// <param name="TemplateId">The template's id; messages of one template are compared with each other.</param>
/// <param name="Values">The values filled in, by placeholder name.</param>
public sealed record MessageTemplate(string TemplateId, IReadOnlyDictionary<string, string> Values);
