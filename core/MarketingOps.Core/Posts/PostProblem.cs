namespace MarketingOps.Core.Posts;

/// <summary>One reason a post cannot be scheduled, said without naming how the caller gave it.</summary>
/// <param name="Field">What the problem is about.</param>
/// <param name="Message">The reason, in words a user understands.</param>
public sealed record PostProblem(PostField Field, string Message)
{
    /// <summary>Which post of a group or which part of a thread it is about (<c>acme-x, part 2 of 5</c>). The default value is none: the only post.</summary>
    public string? Subject { get; init; }

    /// <summary>The index of the request in a group it is about. The default value is none.</summary>
    public int? RequestIndex { get; init; }

    /// <summary>The thread part it is about, 1 for the first. The default value is none.</summary>
    public int? Part { get; init; }

    /// <summary>For a problem of <see cref="PostField.Options"/>, the option it is about (<c>visibility</c>). The default value is none: the options as a whole.</summary>
    public string? Option { get; init; }

    /// <summary>As <c>mops post schedule</c> words it: the option first (<c>--at: …</c>); platform and guardrail verdicts speak for themselves.</summary>
    public string ForCommandLine() => (Subject is null ? "" : Subject + ": ") + (Field switch
    {
        PostField.Account => "--account: " + Message,
        PostField.At => "--at: " + Message,
        PostField.TimeZone => "--tz: " + Message,
        PostField.Options => (Option is null ? "--option: " : $"--option {Option}: ") + Message,
        PostField.Text => "--text: " + Message,
        PostField.Recipient => "--to: " + Message,
        PostField.InReplyTo => "--in-reply-to: " + Message,
        _ => Message,
    });
}
