namespace MarketingOps.Plugins.Sandbox.Network;

/// <summary>The network's posts and the indexes its rules need. Not thread-safe: the platform's lock guards it.</summary>
internal sealed class PostStore
{
    private readonly Dictionary<string, SandboxPost> _posts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SandboxPost>> _byAccount = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Account, string Key), SandboxPost> _byIdempotencyKey = [];
    private readonly Dictionary<(string Account, string Content), SandboxPost> _latestByContent = [];
    private readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);

    /// <summary>The post with this id, only when it belongs to <paramref name="account"/>.</summary>
    public SandboxPost? Find(string account, string postId) =>
        _posts.TryGetValue(postId, out var post) && post.Account == account ? post : null;

    public bool Contains(string postId) => _posts.ContainsKey(postId);

    public SandboxPost? FindByKey(string account, string idempotencyKey) => _byIdempotencyKey.GetValueOrDefault((account, idempotencyKey));

    /// <summary>The most recent live post of the account with this content key (see <see cref="SandboxPost.ContentKey"/>).</summary>
    public SandboxPost? LatestWithContent(string account, string contentKey) => _latestByContent.GetValueOrDefault((account, contentKey));

    public IReadOnlyList<SandboxPost> Of(string account) => _byAccount.TryGetValue(account, out var list) ? list : [];

    public long NextSequence(string account) => _sequences.GetValueOrDefault(account) + 1;

    public void Add(SandboxPost post)
    {
        _posts[post.Id] = post;
        if (!_byAccount.TryGetValue(post.Account, out var list))
        {
            list = [];
            _byAccount[post.Account] = list;
        }

        list.Add(post);
        _byIdempotencyKey[(post.Account, post.IdempotencyKey)] = post;
        _latestByContent[(post.Account, post.ContentKey)] = post;
        _sequences[post.Account] = Math.Max(_sequences.GetValueOrDefault(post.Account), post.Sequence);
    }

    public void MarkDeleted(SandboxPost post, DateTimeOffset at)
    {
        post.DeletedAt = at;
        var key = (post.Account, post.ContentKey);
        if (_latestByContent.TryGetValue(key, out var latest) && ReferenceEquals(latest, post))
        {
            _latestByContent.Remove(key);
        }
    }
}
