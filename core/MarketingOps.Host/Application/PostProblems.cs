using MarketingOps.Core.Posts;

namespace MarketingOps.Host.Application;

/// <summary>
/// Turns the post service's problems, worded for the command line (<c>--at: …</c>), into API problems keyed by the
/// JSON path of the field; the words after the option stay the same, so both say the same thing.
/// </summary>
internal static class PostProblems
{
    private static readonly (string Prefix, string Path)[] Fields =
    [
        ("--account:", "$.account"),
        ("--at:", "$.at"),
        ("--tz:", "$.timeZone"),
        ("--option:", "$.options"),
        ("--text:", "$.text"),
        ("--to:", "$.recipient"),
        ("--in-reply-to:", "$.inReplyTo"),
        ("--published:", "$.publishedUrl"),
        ("edited text", "$.edit"),
        ("text (", "$.text"),
    ];

    public static ApiProblemException From(PostRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is PostRefusedException refused)
        {
            var problem = new ApiProblemException(422, "Refused by the guardrails", refused.Message);
            problem.Extensions["verdict"] = refused.Verdict;
            return problem;
        }

        if (exception.Problems.Count == 1 && exception.Problems[0].StartsWith("No post with id", StringComparison.Ordinal))
        {
            return ApiProblemException.NotFound(exception.Problems[0]);
        }

        if (exception.Problems.Count == 1 && (exception.Problems[0].StartsWith("Cannot ", StringComparison.Ordinal) || exception.Problems[0].Contains("changed while this request ran", StringComparison.Ordinal)))
        {
            return ApiProblemException.Conflict(exception.Problems[0]);
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var located = exception.Details.Count > 0
            ? exception.Details.Select(d => (Path: PathOf(d), Message: d.Subject is null ? d.Message : $"{d.Subject}: {d.Message}"))
            : exception.Problems.Select(Locate);
        foreach (var (path, message) in located)
        {
            if (!errors.TryGetValue(path, out var list))
            {
                errors[path] = list = [];
            }

            list.Add(message);
        }

        return ApiProblemException.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The problems of a batch of posts, each keyed by its post's place in the body (<c>$.posts[3].at</c>).</summary>
    public static ApiProblemException FromBatch(PostRequestException exception, string items)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var errors = exception.Details
            .GroupBy(d => (d.RequestIndex is { } i ? $"{items}[{i}]" : items) + PathOf(d)[1..], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Message).ToArray(), StringComparer.Ordinal);
        return errors.Count > 0 ? ApiProblemException.Invalid(errors) : From(exception);
    }

    // A problem of a group or thread: a later part's text is an item of $.thread, the rest is the field it is about.
    private static string PathOf(PostProblem problem) => problem switch
    {
        { Part: > 1 } => $"$.thread[{problem.Part - 2}]",
        { Field: PostField.Account } => "$.account",
        { Field: PostField.At } => "$.at",
        { Field: PostField.TimeZone } => "$.timeZone",
        { Field: PostField.Text or PostField.Platform } => "$.text",
        { Field: PostField.Recipient } => "$.recipient",
        { Field: PostField.InReplyTo } => "$.inReplyTo",
        { Field: PostField.Options, Option: { } option } => $"$.options.{option}",
        { Field: PostField.Options } => "$.options",
        _ => "$",
    };

    private static (string Path, string Message) Locate(string problem)
    {
        foreach (var (prefix, path) in Fields)
        {
            if (problem.StartsWith(prefix, StringComparison.Ordinal))
            {
                var message = prefix.EndsWith(':') ? problem[prefix.Length..].TrimStart() : problem;
                return (path, message);
            }
        }

        return ("$", problem);
    }
}
