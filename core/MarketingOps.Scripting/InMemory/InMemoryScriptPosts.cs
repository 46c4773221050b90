using System.Globalization;
using MarketingOps.Scripting.Hosting;

namespace MarketingOps.Scripting.InMemory;

/// <summary>Posts kept in memory: what tests and <c>--dry-run</c> use until the publishing engine is behind <see cref="IScriptPosts"/>.</summary>
internal sealed class InMemoryScriptPosts(IReadOnlyList<ScriptAccount> accounts, TimeProvider clock, string idPrefix = "post-") : IScriptPosts
{
    private readonly Lock _gate = new();
    private readonly List<ScriptPost> _posts = [];

    /// <summary>Called after each post is created; the dry-run recorder prints from here.</summary>
    public Action<ScriptPost>? Created { get; set; }

    public ScriptPost Schedule(ScriptPostRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = accounts.FirstOrDefault(a => string.Equals(a.Name, request.Account, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No account named '{request.Account}'.", nameof(request));
        if (request.At is { } at && at < clock.GetUtcNow() - TimeSpan.FromMinutes(1))
        {
            throw new ArgumentException($"Cannot schedule a post in the past ({at:u}).", nameof(request));
        }

        if (request.ThreadTexts is { Count: > 0 } rest)
        {
            // A thread in memory: each part a post of its own, in order, the first one returned.
            var first = Schedule(request with { ThreadTexts = null }, cancellationToken);
            foreach (var part in rest)
            {
                Schedule(request with { Text = part, ThreadTexts = null }, cancellationToken);
            }

            return first;
        }

        ScriptPost post;
        lock (_gate)
        {
            post = new ScriptPost(
                idPrefix + (_posts.Count + 1).ToString(CultureInfo.InvariantCulture),
                account.Name,
                request.Text,
                request.At,
                request.At is null ? ScriptPostState.Draft : ScriptPostState.Scheduled)
            {
                Experiment = request.Experiment,
                Variant = request.Variant,
            };
            _posts.Add(post);
        }

        Created?.Invoke(post);
        return post;
    }

    public IReadOnlyList<ScriptPost> List(ScriptPostQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            return _posts.Where(p => Matches(p, query)).OrderBy(p => p.PublishedAt ?? p.At ?? DateTimeOffset.MaxValue).ToList();
        }
    }

    public ScriptPost? Find(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _posts.Find(p => p.Id == id);
        }
    }

    public bool Cancel(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var index = _posts.FindIndex(p => p.Id == id && p.State is ScriptPostState.Draft or ScriptPostState.Scheduled);
            if (index < 0)
            {
                return false;
            }

            _posts[index] = _posts[index] with { State = ScriptPostState.Cancelled };
            return true;
        }
    }

    /// <summary>Publishes every scheduled post that is due at <paramref name="now"/>, as the publishing engine would.</summary>
    public IReadOnlyList<ScriptPost> PublishDue(DateTimeOffset now)
    {
        lock (_gate)
        {
            var published = new List<ScriptPost>();
            for (var i = 0; i < _posts.Count; i++)
            {
                if (_posts[i] is { State: ScriptPostState.Scheduled, At: { } at } post && at <= now)
                {
                    _posts[i] = post with
                    {
                        State = ScriptPostState.Published,
                        PublishedAt = at,
                        Url = new Uri($"https://sandbox.invalid/{Uri.EscapeDataString(post.Account)}/{post.Id}"),
                    };
                    published.Add(_posts[i]);
                }
            }

            return published;
        }
    }

    private static bool Matches(ScriptPost post, ScriptPostQuery query)
    {
        var when = post.PublishedAt ?? post.At;
        return (query.Account is null || string.Equals(post.Account, query.Account, StringComparison.OrdinalIgnoreCase))
            && (query.State is null || post.State == query.State)
            && (query.Experiment is null || string.Equals(post.Experiment, query.Experiment, StringComparison.OrdinalIgnoreCase))
            && (query.Since is null || (when is { } a && a >= query.Since))
            && (query.Until is null || (when is { } b && b < query.Until));
    }
}
