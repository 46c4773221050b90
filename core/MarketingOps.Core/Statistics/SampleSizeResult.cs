namespace MarketingOps.Core.Statistics;

/// <summary>Units needed per arm (rounded up) to detect <paramref name="VariantRate"/> against <paramref name="BaselineRate"/>.</summary>
internal sealed record SampleSizeResult(long PerArm, double ExactPerArm, double BaselineRate, double VariantRate, double Alpha, double Power);
