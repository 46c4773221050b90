using MarketingOps.Sdk;

namespace MarketingOps.Core.Guardrails.Rules;

/// <summary>The platform's own rules for the draft (weighted length, graphemes, media), and whether it can send this kind at all.</summary>
internal sealed class PlatformTextRule : IGuardrailRule
{
    public string Name => GuardrailRuleNames.PlatformText;

    public async ValueTask<GuardrailRuleResult> EvaluateAsync(GuardrailContext context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        if (context.Platform is not { } platform)
        {
            return GuardrailRuleResult.Reject(Name, $"platform '{context.Account.Platform}' is not active, so the draft cannot be checked against its rules");
        }

        var capabilities = platform.Descriptor.Capabilities;
        if (message.Kind == MessageKind.Reply && !capabilities.HasFlag(PlatformCapabilities.Replies))
        {
            return GuardrailRuleResult.Reject(Name, $"{platform.Descriptor.DisplayName} does not support replies");
        }

        if (message.Kind == MessageKind.DirectMessage && !capabilities.HasFlag(PlatformCapabilities.DirectMessages))
        {
            return GuardrailRuleResult.Reject(Name, $"{platform.Descriptor.DisplayName} does not support direct messages");
        }

        if (message.Kind == MessageKind.DirectMessage && context.Recipient is null)
        {
            return GuardrailRuleResult.Reject(Name, "a direct message needs a recipient");
        }

        var validation = await platform.ValidateAsync(context.Account.Name, message.Draft, cancellationToken);
        return validation.IsValid
            ? GuardrailRuleResult.Allow(Name, $"length {validation.Length} of {validation.MaxLength}")
            : GuardrailRuleResult.Reject(Name, $"length {validation.Length} of {validation.MaxLength}: {string.Join("; ", validation.Problems)}");
    }
}
