namespace MarketingOps.Host.Commands.Stats;

/// <summary>The parsed and checked arguments of <c>mops stats srm</c>.</summary>
internal sealed record SrmRequest(IReadOnlyList<long> Counts, IReadOnlyList<double> Weights, IReadOnlyList<string> Errors)
{
    public static SrmRequest Parse(SrmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var p = new ArgumentParser();
        var counts = p.WholeNumbers(settings.Counts, "--counts") ?? [];
        if (counts.Length == 1)
        {
            p.Fail($"--counts '{settings.Counts}' has one arm; give at least two, control first.");
        }

        var weights = settings.Weights is null ? counts.Select(_ => 1.0).ToArray() : p.Weights(settings.Weights, "--weights") ?? [];
        if (settings.Weights is not null && weights.Length > 0 && counts.Length > 0 && weights.Length != counts.Length)
        {
            p.Fail($"--weights '{settings.Weights}' has {weights.Length} values but --counts has {counts.Length}; give one weight per arm.");
        }

        return new SrmRequest(counts, weights, p.Errors);
    }
}
