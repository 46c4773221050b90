namespace MarketingOps.Core.Experiments;

/// <summary>A request about an experiment that cannot be carried out; <see cref="Problems"/> lists every reason.</summary>
public sealed class ExperimentRequestException : Exception
{
    public ExperimentRequestException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public ExperimentRequestException(string problem)
        : this([problem])
    {
    }

    public ExperimentRequestException()
        : this("The request about an experiment was refused.")
    {
    }

    public ExperimentRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Each reason, in words a user understands.</summary>
    public IReadOnlyList<string> Problems { get; }
}
