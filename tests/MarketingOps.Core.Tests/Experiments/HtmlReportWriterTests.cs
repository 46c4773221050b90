using System.Text.RegularExpressions;
using MarketingOps.Core.Experiments.Reports;
using MarketingOps.Reporting.Experiments;

namespace MarketingOps.Core.Tests.Experiments;

public sealed partial class HtmlReportWriterTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Report_of_a_finished_three_variant_sandbox_experiment_is_one_file_with_four_embedded_png_charts_and_the_caveats()
    {
        SandboxNetwork.Require();
        var ct = TestContext.Current.CancellationToken;
        using var network = new SandboxNetwork(SandboxExperiment.Clock(), SandboxExperiment.Settings, followers: 20_000);
        var (rig, experiment) = await SandboxExperiment.RunAsync(_temp, network, SandboxExperiment.ThreeVariants(), TimeSpan.FromHours(2), ct);
        var report = await rig.Service.ReportAsync(experiment, ct);

        var html = HtmlReportWriter.Write(report);

        var images = PngData().Matches(html).Select(m => Convert.FromBase64String(m.Groups[1].Value)).ToList();
        // Cumulative metric, lift, chance to beat the control, and (three variants) chance to be best.
        Assert.Equal(4, images.Count);
        Assert.Contains("alt=\"Chance to be the best variant\"", html, StringComparison.Ordinal);
        Assert.Contains("<th>Chance to beat control</th>", html, StringComparison.Ordinal);
        Assert.All(images, png => Assert.Equal(PngSignature, png[..8]));
        Assert.All(images, png => Assert.True(png.Length > 5_000, "a chart with content is more than a few bytes"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("results compare posts, not randomised audiences", html, StringComparison.Ordinal);
        Assert.Contains("question", html, StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("MOPS_KEEP_REPORT") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.WriteAllText(Path.Combine(keep, "report.html"), html);
            for (var i = 0; i < images.Count; i++)
            {
                File.WriteAllBytes(Path.Combine(keep, $"chart{i}.png"), images[i]);
            }
        }
    }

    [GeneratedRegex("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex PngData();

    public void Dispose() => _temp.Dispose();
}
