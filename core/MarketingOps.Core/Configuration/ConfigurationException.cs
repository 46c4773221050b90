namespace MarketingOps.Core.Configuration;

/// <summary>Configuration that cannot be used; carries every problem found, not just the first.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(IReadOnlyList<ConfigProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public ConfigurationException()
        : this([])
    {
    }

    public ConfigurationException(string message)
        : base(message)
    {
        Problems = [];
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public IReadOnlyList<ConfigProblem> Problems { get; } = [];

    private static string Describe(IReadOnlyList<ConfigProblem> problems) => problems.Count switch
    {
        0 => "The configuration is invalid.",
        1 => problems[0].ToString(),
        _ => $"{problems.Count} configuration problems:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems),
    };
}
