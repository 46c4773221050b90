using MarketingOps.Core.Accounts;
using MarketingOps.Core.Posts;

namespace MarketingOps.Core.Links;

/// <summary>The post service's side of link rewriting: the text to validate and store for a request, and its record.</summary>
internal sealed class PostLinkRewriting(LinkRewriter rewriter, LinkStore store)
{
    /// <summary>How <paramref name="text"/> of a post of <paramref name="account"/> is published; unchanged without an account (the request is refused anyway).</summary>
    public LinkRewrite Rewrite(string? text, ClientAccount? account, string? campaign, string? variant) =>
        account is null || string.IsNullOrEmpty(text)
            ? LinkRewrite.Unchanged(text ?? string.Empty)
            : rewriter.Rewrite(text, new LinkContext(account.Platform, campaign ?? rewriter.Options.Campaign, variant));

    public Task SaveAsync(string postId, string account, LinkRewrite rewrite, CancellationToken cancellationToken) =>
        store.SaveAsync(postId, account, rewrite, cancellationToken);

    public Task<PostLinks?> GetAsync(string postId, CancellationToken cancellationToken) => store.GetForPostAsync(postId, cancellationToken);

    /// <summary>What a refusal of the rewritten text adds, so the author sees why the count is not that of what they wrote.</summary>
    public static PostProblem? Explain(LinkRewrite rewrite, IReadOnlyList<PostProblem> problems) =>
        rewrite.Changed && problems.Any(p => p.Field == PostField.Platform)
            ? new PostProblem(PostField.Text, $"the platform checked the text as it will be published, with {rewrite.Summary}: \"{rewrite.Text}\". Shorten the text, set Links:ShortBaseUrl, or list the link in Links:Exclude.")
            : null;
}
