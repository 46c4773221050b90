using System.Globalization;
using MarketingOps.Core.Statistics;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Stats;

/// <summary><c>mops stats samplesize</c>: impressions per arm for a two-proportion test (classic Fleiss formula).</summary>
internal sealed class SampleSizeCommand : Command<SampleSizeSettings>
{
    public override int Execute(CommandContext context, SampleSizeSettings settings, CancellationToken cancellationToken)
    {
        var request = SampleSizeRequest.Parse(settings);
        var r = SampleSizeCalculator.TwoProportions(request.Baseline, request.Mde, request.Alpha, request.Power);
        if (settings.Json)
        {
            JsonOutput.Write(r);
            return ExitCodes.Success;
        }

        Console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{r.PerArm:N0} impressions per arm ({r.PerArm * 2:N0} for two arms) to detect {r.BaselineRate:P2} → {r.VariantRate:P2} with α = {r.Alpha}, power {r.Power:P0}."));
        return ExitCodes.Success;
    }
}
