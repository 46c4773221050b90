using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Links;

/// <summary><c>mops links …</c>: the links the host rewrote and the clicks it counted.</summary>
internal static class LinkCommands
{
    public static void Register(IConfigurator config) =>
        config.AddBranch("links", links =>
        {
            links.SetDescription("Links the host tagged or shortened (Links in mops.json), with the clicks it counted on its short links.");
            links.AddCommand<LinkListCommand>("list")
                .WithDescription("Rewritten links, newest first: where each leads, its short link, people's clicks, and bots counted apart.")
                .WithExample("links", "list", "--experiment", "spring-cta")
                .WithExample("links", "list", "--post", "0194f5c2a1b27c3d8e9f0a1b2c3d4e5f", "--json");
            links.AddCommand<LinkShowCommand>("show")
                .WithDescription("One short link: its post, target, clicks, and the bots and preview fetchers counted apart.")
                .WithExample("links", "show", "Xk3v9QpL2mZa");
        });
}
