namespace MarketingOps.Core.Posts;

/// <summary>A request about a post that cannot be carried out; <see cref="Problems"/> lists every reason.</summary>
/// <remarks>Not sealed: <see cref="PostRefusedException"/> is one, so every caller that handles a refused request handles it too.</remarks>
public class PostRequestException : Exception
{
    public PostRequestException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public PostRequestException(string problem)
        : this([problem])
    {
    }

    /// <summary>Problems each about one part of the request, worded for the command line in <see cref="Problems"/>.</summary>
    public PostRequestException(IReadOnlyList<PostProblem> details)
        : this([.. (details ?? []).Select(d => d.ForCommandLine())])
    {
        Details = details ?? [];
    }

    public PostRequestException()
        : this("The request about a post was refused.")
    {
    }

    public PostRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Each reason, in words a user understands.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The same reasons with what each is about, when the service knew; empty otherwise.</summary>
    public IReadOnlyList<PostProblem> Details { get; } = [];
}
