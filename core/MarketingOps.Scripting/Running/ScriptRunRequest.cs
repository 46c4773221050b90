using MarketingOps.Scripting.Hosting;

namespace MarketingOps.Scripting.Running;

/// <summary>One run of a script.</summary>
/// <param name="Services">The host's engines behind the globals.</param>
internal sealed record ScriptRunRequest(ScriptServices Services)
{
    /// <summary>The script's <c>Args</c>. The default value is none.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>How long the run may take; null uses <see cref="ScriptRunnerOptions.DefaultTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Record and print posts and experiments instead of creating them. The default value is false.</summary>
    public bool DryRun { get; init; }
}
