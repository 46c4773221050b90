using System.Globalization;
using MarketingOps.Core.Statistics;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Stats;

/// <summary><c>mops stats srm</c>: χ² of the observed split against the planned one, with the practical-deviation rule.</summary>
internal sealed class SrmCommand : Command<SrmSettings>
{
    public override int Execute(CommandContext context, SrmSettings settings, CancellationToken cancellationToken)
    {
        var output = Check(SrmRequest.Parse(settings));
        if (settings.Json)
        {
            JsonOutput.Write(output);
            return ExitCodes.Success;
        }

        var p = output.PValue.ToString("G6", CultureInfo.InvariantCulture);
        var shares = output.MaxShareDeviation.ToString("P2", CultureInfo.InvariantCulture);
        Console.Out.WriteLine(output.Mismatch
            ? $"sample ratio mismatch: χ² = {output.ChiSquare:F3} (df {output.DegreesOfFreedom}), p = {p}; an arm's share is off by up to {shares}. Check allocation and tracking before trusting results."
            : $"no mismatch: χ² = {output.ChiSquare:F3} (df {output.DegreesOfFreedom}), p = {p}; largest share deviation {shares}.");
        return ExitCodes.Success;
    }

    public static SrmOutput Check(SrmRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new StatisticsOptions();
        var r = SampleRatioMismatch.Check(request.Counts, request.Weights, options);
        return new SrmOutput(request.Counts, request.Weights, r.ChiSquare, r.DegreesOfFreedom, r.PValue, r.MaxShareDeviation, r.MaxRelativeDeviation, r.IsMismatch, options.SrmPValueThreshold);
    }
}
