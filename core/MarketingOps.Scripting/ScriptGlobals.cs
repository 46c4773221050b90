using System.Diagnostics;
using MarketingOps.Scripting.Hosting;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Scripting;

/// <summary>Everything a script can use without qualification: accounts, posts, metrics, experiments, log, clock, arguments.</summary>
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
public sealed class ScriptGlobals
{
    private readonly ScriptServices _services;

    internal ScriptGlobals(ScriptServices services, IReadOnlyList<string> args, bool isDryRun, CancellationToken cancellationToken)
    {
        _services = services;
        Args = [.. args];
        IsDryRun = isDryRun;
        CancellationToken = cancellationToken;
        Posts = new PostsApi(services.Posts, Account, cancellationToken);
        Metrics = new MetricsApi(services.Metrics, cancellationToken);
        Experiments = new ExperimentsApi(services.Experiments, cancellationToken);
    }

    /// <summary>The client's accounts: name, platform, time zone.</summary>
    public IReadOnlyList<ScriptAccount> Accounts => _services.Accounts;

    /// <summary>The platforms the client's accounts are on.</summary>
    public IReadOnlyList<string> Platforms => _services.Accounts.Select(a => a.Platform).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Drafting, scheduling and finding posts.</summary>
    public PostsApi Posts { get; }

    /// <summary>Reading stored metrics.</summary>
    public MetricsApi Metrics { get; }

    /// <summary>Defining experiments and reading their results.</summary>
    public ExperimentsApi Experiments { get; }

    /// <summary>JSON in and out: <c>Json.Serialize(row)</c>, <c>Json.Deserialize&lt;Row&gt;(text)</c>, <c>Json.Parse(text)</c>.</summary>
    public JsonApi Json { get; } = new();

    /// <summary>The run's log: <c>Log.LogInformation("Scheduled {Id}", post.Id)</c>.</summary>
    public ILogger Log => _services.Log;

    /// <summary>The host's clock; use it (or <see cref="Now"/>) instead of <c>DateTime.Now</c>, so dry runs and demos can move time.</summary>
    public TimeProvider Clock => _services.Clock;

    /// <summary>The current instant in UTC, from <see cref="Clock"/>.</summary>
    public DateTimeOffset Now => _services.Clock.GetUtcNow();

    /// <summary>The arguments after <c>--</c> on the command line.</summary>
    public string[] Args { get; }

    /// <summary>True under <c>--dry-run</c>: posts and experiments are recorded and printed, not created.</summary>
    public bool IsDryRun { get; }

    /// <summary>Cancelled when the run times out or the host stops; pass it to anything that waits.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>An account by name (case-insensitive); the error lists the names that exist.</summary>
    public ScriptAccount Account(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _services.Accounts.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"No account named '{name}'. Known accounts: {(Accounts.Count == 0 ? "none" : string.Join(", ", Accounts.Select(a => a.Name)))}.",
                nameof(name));
    }

    /// <summary>Writes a line to the run's output (the terminal for <c>mops script run</c>).</summary>
    public void Print(object? value) => _services.Output.WriteLine(value);

    /// <summary>Waits on the host's clock; stops when the run is cancelled.</summary>
    public Task Delay(TimeSpan delay) => Task.Delay(delay, _services.Clock, CancellationToken);
}
