using MarketingOps.Host.Cli;

namespace MarketingOps.Host.Commands.Host;

internal sealed class DemoSettings : GlobalSettings;
