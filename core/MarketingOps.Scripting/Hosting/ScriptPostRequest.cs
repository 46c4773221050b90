namespace MarketingOps.Scripting.Hosting;

/// <summary>A post a script asks for; <see cref="At"/> null means a draft.</summary>
/// <param name="Account">The account's name.</param>
/// <param name="Text">The text.</param>
/// <param name="At">When to publish; null keeps it as a draft.</param>
public sealed record ScriptPostRequest(string Account, string Text, DateTimeOffset? At)
{
    /// <summary>The experiment the post belongs to. The default value is null.</summary>
    public string? Experiment { get; init; }

    /// <summary>The variant the post carries. The default value is null.</summary>
    public string? Variant { get; init; }

    /// <summary>The parts that follow <see cref="Text"/> in a thread, each a reply to the one before. The default value is none.</summary>
    public IReadOnlyList<string>? ThreadTexts { get; init; }
}
