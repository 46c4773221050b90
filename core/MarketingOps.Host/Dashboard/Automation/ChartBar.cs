namespace MarketingOps.Host.Dashboard.Automation;

/// <summary>One bar of an inline SVG chart: a label, its segments from left to right, and the words said next to it.</summary>
public sealed record ChartBar(string Label, IReadOnlyList<ChartSegment> Segments, string Words);
