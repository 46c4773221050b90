using System.Collections.Concurrent;
using MarketingOps.Core.Posts;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Core.Links;

/// <summary>
/// What the host's <c>/l/{code}</c> does: finds the code's target, classifies the request, and stores it before the
/// caller answers with the redirect: on SQLite written to the click journal on the request's own thread
/// (<see cref="ClickJournal"/>); on PostgreSQL committed, requests that arrive together in one transaction (a group
/// commit, <see cref="ClickWriter"/>).
/// </summary>
internal sealed class LinkRedirects(LinkStore store, UserAgentClassifier classifier, TimeProvider time, ILogger<LinkRedirects> logger) : IAsyncDisposable, IDisposable
{
    // Only codes of published posts are kept, so the cache never grows with what strangers ask for; a code's target
    // never changes once stored and a published post stays published, so a cached one is never stale. A link of a post
    // not yet published (or only maybe) is looked up each time: it goes live, or back to Scheduled after a rate limit.
    private readonly ConcurrentDictionary<string, LinkTarget> _known = new(StringComparer.Ordinal);
    private readonly ClickWriter _clicks = new(store, logger);

    /// <summary>
    /// The target of <paramref name="code"/> once the request is durably counted (a person's click, or a bot's hit
    /// apart); null for an unknown code, or one whose post is not live (<see cref="LinkTarget.IsLive"/>), which is not
    /// counted. A failure to store throws, and no redirect may be sent.
    /// </summary>
    public async Task<LinkTarget?> FollowAsync(string code, string method, string? userAgent, CancellationToken cancellationToken)
    {
        if (await FindAsync(code, cancellationToken) is not { } target)
        {
            return null;
        }

        var click = new LinkClick(code, target.PostId, time.GetUtcNow(), classifier.Classify(method, userAgent));
        if (store.Journal is { } journal)
        {
            await journal.AppendAsync(click);
        }
        else
        {
            await _clicks.AddAsync(click);
        }

        return target;
    }

    /// <summary>Where <paramref name="code"/> leads, from memory once its post is published; null for an unknown or malformed code, or one whose post is not live.</summary>
    public async ValueTask<LinkTarget?> FindAsync(string code, CancellationToken cancellationToken)
    {
        if (!ShortCodes.IsWellFormed(code))
        {
            return null;
        }

        if (_known.TryGetValue(code, out var target))
        {
            return target;
        }

        target = await store.FindAsync(code, cancellationToken);
        if (target is not { IsLive: true })
        {
            return null;
        }

        if (target.PostState == PostState.Published)
        {
            _known[code] = target;
        }

        return target;
    }

    public ValueTask DisposeAsync() => _clicks.DisposeAsync();

    public void Dispose() => _clicks.Dispose();
}
