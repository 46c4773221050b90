namespace MarketingOps.Host.Application;

/// <summary>The sample-size calculator's input: baseline rate, minimum detectable relative effect, alpha and power.</summary>
internal sealed record SampleSizeBody(double Baseline, double Mde, double Alpha = 0.05, double Power = 0.8);
