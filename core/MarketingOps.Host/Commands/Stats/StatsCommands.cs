using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Stats;

/// <summary><c>mops stats …</c>: the statistics engine as a calculator, so anyone can check it against another tool.</summary>
internal static class StatsCommands
{
    public static void Register(IConfigurator config) =>
        config.AddBranch("stats", stats =>
        {
            stats.SetDescription("The statistics engine as a calculator: compare rates, check a traffic split, size a test.");
            stats.AddCommand<ProportionsCommand>("proportions")
                .WithDescription("Compare variants' click (or any event) rates with the control's.")
                .WithExample("stats", "proportions", "--control", "120/4000", "--variant", "150/4000", "--method", "bayesian", "--json");
            stats.AddCommand<SrmCommand>("srm")
                .WithDescription("Sample ratio mismatch: do the observed units per arm fit the planned split?")
                .WithExample("stats", "srm", "--counts", "1000,1200", "--weights", "50,50");
            stats.AddCommand<SampleSizeCommand>("samplesize")
                .WithDescription("Impressions needed per arm to detect a relative change in a rate.")
                .WithExample("stats", "samplesize", "--baseline", "0.03", "--mde", "0.2");
        });
}
