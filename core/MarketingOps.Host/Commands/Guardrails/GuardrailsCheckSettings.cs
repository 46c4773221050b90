using MarketingOps.Host.Commands.Posts;

namespace MarketingOps.Host.Commands.Guardrails;

internal sealed class GuardrailsCheckSettings : DraftSettings
{
    protected override bool AtRequired => false;
}
