namespace MarketingOps.Host.Commands.Stats;

/// <summary>The parsed and checked arguments of <c>mops stats samplesize</c>.</summary>
internal sealed record SampleSizeRequest(double Baseline, double Mde, double Alpha, double Power, IReadOnlyList<string> Errors)
{
    public static SampleSizeRequest Parse(SampleSizeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var p = new ArgumentParser();
        if (settings.Baseline is null)
        {
            p.Fail("--baseline is required: the control's expected rate, e.g. 0.03.");
        }

        if (settings.Mde is null)
        {
            p.Fail("--mde is required: the minimum detectable relative effect, e.g. 0.2 for +20 %.");
        }

        var baseline = settings.Baseline is null ? null : p.Number(settings.Baseline, "--baseline", b => b is > 0 and < 1, "between 0 and 1 (a rate, e.g. 0.03)");
        var mde = settings.Mde is null ? null : p.Number(settings.Mde, "--mde", m => m != 0 && m > -1, "non-zero and above -1 (e.g. 0.2 for +20 %)");
        if (baseline is { } b && mde is { } m && b * (1 + m) >= 1)
        {
            p.Fail($"--mde {settings.Mde} on --baseline {settings.Baseline} gives a rate of {b * (1 + m):0.###}; the variant's rate must stay below 1.");
        }

        var alpha = p.Number(settings.Alpha, "--alpha", a => a is > 0 and < 1, "between 0 and 1, e.g. 0.05");
        var power = p.Number(settings.Power, "--power", w => w is > 0 and < 1, "between 0 and 1, e.g. 0.8");
        return new SampleSizeRequest(baseline ?? 0, mde ?? 0, alpha ?? 0, power ?? 0, p.Errors);
    }
}
