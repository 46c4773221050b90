using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Guardrails;

/// <summary><c>mops guardrails …</c>: what the guardrails say about a message.</summary>
internal static class GuardrailCommands
{
    public static void Register(IConfigurator config) =>
        config.AddBranch("guardrails", guardrails =>
        {
            guardrails.SetDescription("Check a post, reply or direct message against every guardrail without scheduling it.");
            guardrails.AddCommand<GuardrailsCheckCommand>("check")
                .WithDescription("Explain the verdict of every rule; exits 1 when a rule rejects.")
                .WithExample("guardrails", "check", "--account", "acme", "--text", "Spring sale starts today!")
                .WithExample("guardrails", "check", "--account", "acme", "--kind", "dm", "--to", "ana", "--file", "message.txt", "--json");
        });
}
