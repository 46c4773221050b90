using System.Globalization;
using MarketingOps.Host.Cli;
using MarketingOps.Sdk;

namespace MarketingOps.Host.Commands.Plugins;

/// <summary>Prints each call's result of <c>mops plugins try</c> as it comes, or, with <c>--json</c>, the whole report at the end.</summary>
internal sealed class TryOutput(bool json)
{
    public void Validation(DraftValidation validation)
    {
        Line(validation.IsValid
            ? $"validate: valid, {Count(validation.Length)} of {Count(validation.MaxLength)} characters"
            : $"validate: invalid, {Count(validation.Length)} of {Count(validation.MaxLength)} characters: {string.Join("; ", validation.Problems)}");
    }

    public void Publish(TryPublish publish)
    {
        Line(publish switch
        {
            { PostId: null } => $"publish: refused by the guardrails: {publish.Error}",
            { PlatformPostId: { } id } => $"publish: post {publish.PostId} {publish.State} as {id}{(publish.Url is null ? "" : " " + publish.Url)}",
            _ => $"publish: post {publish.PostId} {publish.State}{(publish.Error is null ? "" : ": " + publish.Error)} (`mops post show {publish.PostId}` has its history)",
        });
    }

    public void Lookup(LookupResult lookup)
    {
        Line(lookup.Post is { } found
            ? $"lookup: {lookup.Status} {found.Id}{(found.Url is null ? "" : " " + found.Url)}"
            : $"lookup: {lookup.Status}{(lookup.Detail is null ? "" : ": " + lookup.Detail)}");
    }

    public void Metrics(TryMetrics metrics)
    {
        if (metrics.Error is not null)
        {
            Line($"metrics: {metrics.Error}");
            return;
        }

        foreach (var post in metrics.Posts)
        {
            var counters = post.Counters.Count == 0 ? "no counters" : string.Join(", ", post.Counters.Select(c => $"{c.Key} {Count(c.Value)}"));
            Line($"metrics: {post.PostId} {post.Status}: {counters}");
        }
    }

    public void Done(TryReport report)
    {
        if (json)
        {
            JsonOutput.Write(report);
        }
    }

    private void Line(string text)
    {
        if (!json)
        {
            Console.Out.WriteLine(text);
        }
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
