namespace MarketingOps.Host.Dashboard.Automation;

/// <summary>A stretch of a bar, in the chart's own units (0 to <see cref="BarChart.Width"/>), in one of the legend's colours.</summary>
public sealed record ChartSegment(double X, double Width, string Colour, int Count);
