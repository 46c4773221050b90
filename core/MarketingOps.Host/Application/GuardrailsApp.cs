using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Plugins;
using MarketingOps.Sdk;

namespace MarketingOps.Host.Application;

/// <summary>Explains the guardrails' verdict on a text without scheduling anything, as <c>mops guardrails check</c> does.</summary>
internal sealed class GuardrailsApp(IGuardrails guardrails, IPlatformRegistry registry, TimeProvider time)
{
    public async Task<GuardrailVerdict> CheckAsync(string account, string text, MessageKind? kind, string? recipient, CancellationToken cancellationToken)
    {
        InputChecks.Id(account, "$.account");
        InputChecks.Text(text, "$.text", PostsApp.MaxTextLength);
        if (recipient is not null)
        {
            InputChecks.Text(recipient, "$.recipient", 200);
        }

        if (registry.FindAccount(account) is null)
        {
            throw ApiProblemException.Invalid("$.account", $"no account named '{account}'. Configured accounts: {string.Join(", ", registry.Accounts.Select(a => a.Name))}.");
        }

        var draft = new PostDraft(text) { Kind = kind ?? MessageKind.Post, Recipient = recipient };
        var message = new OutgoingMessage($"check-{Guid.NewGuid():N}", account, draft, time.GetUtcNow(), MessageOrigin.Hand);
        return await guardrails.ExplainAsync(message, cancellationToken);
    }
}
