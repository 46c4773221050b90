using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace MarketingOps.Host.Web.Problems;

/// <summary>
/// A route, query or header value that did not bind, as a problem naming the parameter in <c>errors</c> and saying what
/// it takes: ASP.NET Core's own message names the .NET type (<c>"Nullable&lt;PostState&gt; state"</c>) and nothing else.
/// </summary>
internal static partial class BindingFailure
{
    /// <summary>The problem for <paramref name="bad"/> when it is a binding failure, or null.</summary>
    public static HttpValidationProblemDetails? Explain(BadHttpRequestException bad, HttpContext context)
    {
        var match = FailedToBind().Match(bad.Message) is { Success: true } failed ? failed : NotProvided().Match(bad.Message);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["source"].Value == "body")
        {
            return Problem("$", "a JSON body is required.");
        }

        var name = match.Groups["name"].Value;
        var parameter = context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters().FirstOrDefault(p => p.Name == name);
        var field = parameter?.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name
            ?? parameter?.GetCustomAttributes().OfType<IFromHeaderMetadata>().FirstOrDefault()?.Name
            ?? name;
        var expected = Expected(parameter?.ParameterType);
        var message = match.Groups["value"].Success
            ? $"'{match.Groups["value"].Value}' is not {expected}."
            : $"required: {expected}.";
        return Problem(field, message);
    }

    private static HttpValidationProblemDetails Problem(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has a problem",
            Detail = $"{field}: {message}",
        };

    private static string Expected(Type? type)
    {
        var plain = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return plain switch
        {
            null => "a value this parameter takes",
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(plain)),
            _ when plain == typeof(int) || plain == typeof(long) => "a whole number",
            _ when plain == typeof(DateTimeOffset) || plain == typeof(DateTime) => "a time in ISO 8601 (2026-03-29T09:30:00+02:00)",
            _ when plain == typeof(DateOnly) => "a date (2026-03-29)",
            _ when plain == typeof(bool) => "true or false",
            _ => "a value this parameter takes",
        };
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline, 1000)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("""^Required parameter "(?<type>.+) (?<name>[^ "]+)" was not provided from (?<source>.+)\.$""", RegexOptions.Singleline, 1000)]
    private static partial Regex NotProvided();
}
