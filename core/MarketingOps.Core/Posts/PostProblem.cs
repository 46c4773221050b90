namespace MarketingOps.Core.Posts;

/// <summary>One reason a post cannot be scheduled, said without naming how the caller gave it.</summary>
/// <param name="Field">What the problem is about.</param>
/// <param name="Message">The reason, in words a user understands.</param>
public sealed record PostProblem(PostField Field, string Message)
{
    /// <summary>As <c>mops post schedule</c> words it: the option first (<c>--at: …</c>); platform and guardrail verdicts, and a time zone's problem, speak for themselves.</summary>
    public string ForCommandLine() => Field switch
    {
        PostField.Account => "--account: " + Message,
        PostField.At => "--at: " + Message,
        PostField.Text => "--text: " + Message,
        PostField.Recipient => "--to: " + Message,
        PostField.InReplyTo => "--in-reply-to: " + Message,
        _ => Message,
    };
}
