using System.Diagnostics;
using MarketingOps.Scripting.Hosting;

namespace MarketingOps.Scripting;

/// <summary>Drafting, scheduling and finding posts: the script's <c>Posts</c>.</summary>
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
public sealed class PostsApi
{
    private readonly IScriptPosts _posts;
    private readonly Func<string, ScriptAccount> _account;
    private readonly CancellationToken _cancellationToken;

    internal PostsApi(IScriptPosts posts, Func<string, ScriptAccount> account, CancellationToken cancellationToken)
    {
        _posts = posts;
        _account = account;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Schedules <paramref name="text"/> on <paramref name="account"/> at <paramref name="at"/>; guardrails may refuse it with a reason.</summary>
    public ScriptPost Schedule(string account, string text, DateTimeOffset at) => Schedule(account, text, at, experiment: null, variant: null);

    /// <summary>Schedules a post that belongs to an experiment variant (e.g. a bandit's pick).</summary>
    public ScriptPost Schedule(string account, string text, DateTimeOffset at, string? experiment, string? variant)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return _posts.Schedule(
            new ScriptPostRequest(_account(account).Name, text, at) { Experiment = experiment, Variant = variant },
            _cancellationToken);
    }

    /// <summary>Schedules <paramref name="text"/> on <paramref name="account"/> at <paramref name="at"/>.</summary>
    public ScriptPost Schedule(ScriptAccount account, string text, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Schedule(account.Name, text, at);
    }

    /// <summary>
    /// Schedules a thread on <paramref name="account"/> at <paramref name="at"/>: the first part, then each later part as a
    /// reply to the one before, in order, once that one is out (two parts: a post and its first comment). The first part is returned.
    /// </summary>
    public ScriptPost ScheduleThread(string account, IReadOnlyList<string> parts, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("A thread needs at least one part.", nameof(parts));
        }

        return _posts.Schedule(new ScriptPostRequest(_account(account).Name, parts[0], at) { ThreadTexts = [.. parts.Skip(1)] }, _cancellationToken);
    }

    /// <summary>Saves a draft to finish or schedule later.</summary>
    public ScriptPost Draft(string account, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return _posts.Schedule(new ScriptPostRequest(_account(account).Name, text, At: null), _cancellationToken);
    }

    /// <summary>Posts, oldest first, optionally only one account's, one state's, or those due since an instant.</summary>
    public IReadOnlyList<ScriptPost> List(string? account = null, ScriptPostState? state = null, DateTimeOffset? since = null)
        => _posts.List(new ScriptPostQuery { Account = account is null ? null : _account(account).Name, State = state, Since = since }, _cancellationToken);

    /// <summary>Posts published from <paramref name="since"/> up to (not including) <paramref name="until"/>.</summary>
    public IReadOnlyList<ScriptPost> Published(DateTimeOffset since, DateTimeOffset until)
        => _posts.List(new ScriptPostQuery { State = ScriptPostState.Published, Since = since, Until = until }, _cancellationToken);

    /// <summary>The posts of one experiment.</summary>
    public IReadOnlyList<ScriptPost> OfExperiment(string experiment)
        => _posts.List(new ScriptPostQuery { Experiment = experiment }, _cancellationToken);

    /// <summary>A post by id, or null.</summary>
    public ScriptPost? Find(string id) => _posts.Find(id, _cancellationToken);

    /// <summary>Cancels a draft or scheduled post; false when it was already published or unknown.</summary>
    public bool Cancel(string id) => _posts.Cancel(id, _cancellationToken);
}
