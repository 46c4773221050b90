using MarketingOps.Core.Experiments.Reports;
using MarketingOps.Core.Statistics;
using ScottPlot;

namespace MarketingOps.Reporting.Experiments;

/// <summary>
/// The report's charts as PNG images: cumulative metric per variant, lift with its interval, chance to beat the
/// control, and (with more than two variants) each variant's chance to be best.
/// </summary>
internal static class ReportCharts
{
    public const int Width = 760;
    public const int Height = 360;

    /// <summary>Each variant's pooled metric (numerator over denominator so far) at the end of every hour.</summary>
    public static byte[] Cumulative(ExperimentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plot = new Plot();
        foreach (var series in report.Series.Where(s => s.Values.Count > 0))
        {
            var xs = series.Values.Select(v => v.At.UtcDateTime.ToOADate()).ToArray();
            var ys = series.Values.Select(v => v.Rate * 100).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = series.Variant;
            line.LineWidth = 2;

            // Few points get markers, so even a single one shows.
            line.MarkerSize = xs.Length <= 30 ? 6 : 0;
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Title($"Cumulative {report.Metric} per variant (every {Every(report.SeriesBucket)})");
        plot.YLabel($"{report.Metric} (%)");
        plot.XLabel("time (UTC)");
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static string Every(TimeSpan bucket) => bucket.TotalDays >= 1
        ? $"{bucket.TotalDays:0} d"
        : bucket.TotalHours >= 1 ? $"{bucket.TotalHours:0} h" : $"{bucket.TotalMinutes:0} min";

    /// <summary>Each variant's lift over the control with its interval, and a line at no change.</summary>
    public static byte[] Lift(ExperimentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plot = new Plot();
        var scale = report.Lift == LiftKind.Relative ? 100 : 1;
        var comparisons = report.Comparisons;
        for (var i = 0; i < comparisons.Count; i++)
        {
            var c = comparisons[i];
            var y = comparisons.Count - i;
            if (c.Problem is not null || !double.IsFinite(c.Low) || !double.IsFinite(c.High))
            {
                continue;
            }

            var color = c.Verdict switch
            {
                Verdict.VariantBetter => Colors.Green,
                Verdict.VariantWorse => Colors.Red,
                _ => Colors.Gray,
            };
            var interval = plot.Add.Line(c.Low * scale, y, c.High * scale, y);
            interval.LineWidth = 4;
            interval.LineColor = color;
            var point = plot.Add.Marker(c.Estimate * scale, y);
            point.Size = 12;
            point.Color = color;
        }

        var zero = plot.Add.VerticalLine(0);
        zero.LinePattern = LinePattern.Dashed;
        zero.Color = Colors.Black;
        plot.Axes.Left.SetTicks([.. comparisons.Select((_, i) => (double)(comparisons.Count - i))], [.. comparisons.Select(c => c.Variant)]);
        plot.Axes.SetLimitsY(0.4, comparisons.Count + 0.6);
        plot.Title($"Lift over the control with its {(report.Method == AnalysisMethod.Bayesian ? "credible" : "confidence")} interval ({report.Method})");
        plot.XLabel(report.Lift == LiftKind.Relative ? "relative lift (%)" : "absolute lift");
        return plot.GetImageBytes(Width, Math.Max(180, 90 + (70 * comparisons.Count)), ImageFormat.Png);
    }

    /// <summary>Each variant's chance to beat the control (Bayesian view of the same data).</summary>
    public static byte[] ChanceToBeatControl(ExperimentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plot = new Plot();
        var comparisons = report.Comparisons;
        var values = comparisons.Select(c => (c.ChanceToBeatControl ?? 0.5) * 100).ToArray();
        var bars = plot.Add.Bars(values);
        for (var i = 0; i < bars.Bars.Count; i++)
        {
            bars.Bars[i].FillColor = values[i] >= 95 ? Colors.Green : values[i] <= 5 ? Colors.Red : Colors.SteelBlue;
        }

        var threshold = plot.Add.HorizontalLine(95);
        threshold.LinePattern = LinePattern.Dashed;
        threshold.Color = Colors.Black;
        plot.Axes.Bottom.SetTicks([.. comparisons.Select((_, i) => (double)i)], [.. comparisons.Select(c => c.Variant)]);
        plot.Axes.SetLimitsY(0, 100);
        plot.Title("Chance to beat the control");
        plot.YLabel("chance to beat the control (%)");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Each variant's chance to be the best of all, the control included; the bars add up to 100 %.</summary>
    public static byte[] ChanceToBeBest(ExperimentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plot = new Plot();
        var values = report.Arms.Select(a => (a.ChanceToBeBest ?? 0) * 100).ToArray();
        var bars = plot.Add.Bars(values);
        var top = values.Length == 0 ? -1 : Array.IndexOf(values, values.Max());
        for (var i = 0; i < bars.Bars.Count; i++)
        {
            bars.Bars[i].FillColor = i == top ? Colors.Green : Colors.SteelBlue;
        }

        plot.Axes.Bottom.SetTicks([.. report.Arms.Select((_, i) => (double)i)], [.. report.Arms.Select(a => a.Variant == 0 ? a.Name + " (control)" : a.Name)]);
        plot.Axes.SetLimitsY(0, 100);
        plot.Title("Chance to be the best variant");
        plot.YLabel("chance to be best (%)");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
