using MarketingOps.Core.Plugins;
using MarketingOps.Sdk;

namespace MarketingOps.Host.Application;

/// <summary>
/// The composer's checks: for each account, the platform's own validation and the guardrails' verdict (the same
/// <see cref="GuardrailsApp"/> the API's <c>guardrails/check</c> uses), and the earlier posts a rule matched.
/// </summary>
internal sealed class ComposeApp(GuardrailsApp guardrails, PostsApp posts, IPlatformRegistry registry)
{
    public const int MaxAccounts = 20;

    public async Task<IReadOnlyList<DraftCheck>> CheckAsync(IReadOnlyList<string> accounts, string text, IReadOnlyList<MediaAttachment> media, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts.Count > MaxAccounts)
        {
            throw ApiProblemException.Invalid("accounts", $"{accounts.Count} accounts; at most {MaxAccounts} at once.");
        }

        var checks = new List<DraftCheck>(accounts.Count);
        foreach (var name in accounts.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var verdict = await guardrails.CheckAsync(name, text, MessageKind.Post, null, cancellationToken);
            var account = registry.FindAccount(name)!;
            var platform = registry.FindPlatform(account.Platform);
            var matches = new Dictionary<string, PostView>(StringComparer.Ordinal);
            foreach (var match in verdict.Concerns.Select(c => c.Match).OfType<Core.Guardrails.GuardrailMatch>())
            {
                if (!matches.ContainsKey(match.MessageId) && await FindAsync(match.MessageId, cancellationToken) is { } earlier)
                {
                    matches[match.MessageId] = earlier;
                }
            }

            checks.Add(new DraftCheck(account.Name, platform?.Descriptor.DisplayName ?? account.Platform, platform is null ? null : await platform.ValidateAsync(account.Name, new PostDraft(text) { Media = media }, cancellationToken), verdict, matches));
        }

        return checks;
    }

    private async Task<PostView?> FindAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return (await posts.GetAsync(id, cancellationToken)).Post;
        }
        catch (ApiProblemException)
        {
            // A match from the message ledger (a reply already sent) may have no post of ours; the rule's reason still names it.
            return null;
        }
    }
}
