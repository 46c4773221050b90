using MarketingOps.Core.Links;

namespace MarketingOps.Host.Application;

/// <summary>Rewritten links and the clicks the host counted, as <c>mops links list</c> and <c>mops links show</c> show them.</summary>
internal sealed class LinksApp(LinkStore links)
{
    public Task<IReadOnlyList<LinkSummary>> ListAsync(string? account, string? post, string? experiment, int? limit, CancellationToken cancellationToken) =>
        links.ListAsync(new LinkQuery
        {
            Account = account,
            PostId = post is null ? null : InputChecks.Id(post, "post"),
            ExperimentId = experiment,
            Limit = InputChecks.Limit(limit, 100),
        }, cancellationToken);

    public async Task<LinkView> GetAsync(string code, CancellationToken cancellationToken)
    {
        if (!ShortCodes.IsWellFormed(code) || await links.GetAsync(code, cancellationToken) is not { } link)
        {
            throw ApiProblemException.NotFound($"No short link '{code}'. `mops links list` shows the codes.");
        }

        return new LinkView(link, await links.CountBotHitsAsync(code, cancellationToken));
    }
}
