namespace MarketingOps.Scripting.Hosting;

/// <summary>Which posts a script lists; every criterion left null matches everything.</summary>
public sealed record ScriptPostQuery
{
    /// <summary>Only this account's posts.</summary>
    public string? Account { get; init; }

    /// <summary>Only posts in this state.</summary>
    public ScriptPostState? State { get; init; }

    /// <summary>Only posts due (or published) at or after this instant.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only posts due (or published) before this instant.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only posts of this experiment.</summary>
    public string? Experiment { get; init; }
}
