using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Host;

internal static class HostCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<RunCommand>("run").WithDescription("Run the host until Ctrl+C: scheduled posts, workflows and metrics.");
        config.AddCommand<DemoCommand>("demo").WithDescription("The main job on the embedded default: the sandbox network, in its own data folder.");
    }
}
