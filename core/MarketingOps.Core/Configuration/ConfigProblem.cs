namespace MarketingOps.Core.Configuration;

/// <summary>One problem in a configuration file, with where it is.</summary>
/// <param name="File">The file's path as the user gave it.</param>
/// <param name="Location">A JSON path such as <c>$.plugins[0].path</c>, or <c>line 3, column 7</c> for a syntax error; empty when <paramref name="File"/> says where (<c>FILE:LINE:COLUMN</c>).</param>
/// <param name="Message">What is wrong and, where it helps, what would be right.</param>
public sealed record ConfigProblem(string File, string Location, string Message)
{
    public override string ToString() => Location.Length == 0 ? $"{File}: {Message}" : $"{File}: {Location}: {Message}";
}
