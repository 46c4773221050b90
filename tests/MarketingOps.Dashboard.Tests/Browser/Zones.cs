using System.Globalization;

namespace MarketingOps.Dashboard.Tests.Browser;

/// <summary>Time zones that keep the tests independent of when they run.</summary>
internal static class Zones
{
    /// <summary>A fixed-offset zone where it is now about midday, so quiet hours never hold a post due now.</summary>
    public static string Midday()
    {
        var offset = Math.Clamp(12 - TimeProvider.System.GetUtcNow().Hour, -12, 12);
        return offset == 0 ? "Etc/UTC" : string.Create(CultureInfo.InvariantCulture, $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset)}");
    }
}
