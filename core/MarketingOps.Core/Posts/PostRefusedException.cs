using MarketingOps.Core.Guardrails;

namespace MarketingOps.Core.Posts;

/// <summary>The guardrails rejected a post; <see cref="Verdict"/> names each rule and the earlier message it matched.</summary>
public sealed class PostRefusedException : PostRequestException
{
    public PostRefusedException(GuardrailVerdict verdict)
        : base([Describe(verdict)])
    {
        Verdict = verdict;
    }

    public PostRefusedException()
        : this("The guardrails refused the post.")
    {
    }

    public PostRefusedException(string message)
        : base([message])
    {
        Verdict = new GuardrailVerdict(string.Empty, []);
    }

    public PostRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Verdict = new GuardrailVerdict(string.Empty, []);
    }

    /// <summary>Every rule's answer.</summary>
    public GuardrailVerdict Verdict { get; }

    private static string Describe(GuardrailVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return "refused by the guardrails: " + verdict.Summary;
    }
}
