namespace MarketingOps.Scripting.Workers;

/// <summary>
/// Whether a worker's copy of a value still reads exactly as the host's: every member compared as the script would see
/// it (an instant with its offset, a link as written), which record equality does not quite do.
/// </summary>
internal static class SentValues
{
    public static bool Same(ScriptPost sent, ScriptPost now)
        => ReferenceEquals(sent, now)
        || (sent.Id == now.Id
            && sent.Account == now.Account
            && sent.Text == now.Text
            && Same(sent.At, now.At)
            && sent.State == now.State
            && sent.Experiment == now.Experiment
            && sent.Variant == now.Variant
            && sent.Url?.OriginalString == now.Url?.OriginalString
            && Same(sent.PublishedAt, now.PublishedAt));

    public static bool Same(MetricSnapshot sent, MetricSnapshot now)
    {
        if (ReferenceEquals(sent, now))
        {
            return true;
        }

        if (sent.PostId != now.PostId || !Same(sent.At, now.At) || sent.Counters.Count != now.Counters.Count)
        {
            return false;
        }

        foreach (var (name, value) in now.Counters)
        {
            if (!sent.Counters.TryGetValue(name, out var before) || before != value)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(DateTimeOffset? a, DateTimeOffset? b) => a is { } x ? b is { } y && x.EqualsExact(y) : b is null;
}
