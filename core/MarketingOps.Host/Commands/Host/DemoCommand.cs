using System.Text.Json.Nodes;
using MarketingOps.Core.Plugins;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using MarketingOps.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Host;

/// <summary><c>mops demo</c>: publishes to the sandbox network in a client folder of its own (<c>data/demo</c>) and shows what happened.</summary>
internal sealed class DemoCommand : HostedCommand<DemoSettings>
{
    private const string Account = "demo-brand";

    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        var home = ClientFolder.Resolve(settings.Home);
        var demoFolder = PrepareDemoFolder(home);
        var clock = new DemoClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var options = new MopsHostOptions(demoFolder) { Verbose = settings.Verbose, Clock = clock };
        ErrorReporter.LogPattern = Logging.FilePattern(demoFolder);
        using var host = MopsHost.CreateBuilder(options).Build();
        await host.StartAsync(cancellationToken);
        var platform = host.Services.GetRequiredService<IPlatformRegistry>().FindPlatform("sandbox")
            ?? throw new UserFacingException("the sandbox plugin is not active; run `mops plugins list` to see why");

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]MarketingOps demo[/] on the sandbox network, in [blue]{demoFolder.Root}[/]");
        var drafts = new[]
        {
            "Spring sale starts today: free shipping on every order https://shop.example/spring",
            "Behind the scenes: how we pack 2,000 orders a day 📦 https://shop.example/blog/packing",
            "Question for you: what should we restock first? Reply and tell us 👇",
        };
        var published = new List<(string Text, PublishedPost Post)>();
        var log = new Table().AddColumns("#", "Draft", "Outcome");
        var number = 0;
        foreach (var text in drafts.Append(drafts[0]).Append(new string('x', 400)))
        {
            number++;
            var draft = new PostDraft(text);
            var validation = platform.Validate(draft);
            if (!validation.IsValid)
            {
                log.AddRow(number.ToString(CultureInfo.InvariantCulture), Markup.Escape(Shorten(text)), $"[yellow]refused before sending:[/] {Markup.Escape(string.Join("; ", validation.Problems))}");
                continue;
            }

            var request = new PublishRequest(Account, draft, $"demo-{number}", 1, clock.GetUtcNow());
            var result = await platform.PublishAsync(request, cancellationToken);
            if (result.Post is { } post)
            {
                published.Add((text, post));
                log.AddRow(number.ToString(CultureInfo.InvariantCulture), Markup.Escape(Shorten(text)), $"[green]published[/] {Markup.Escape(post.Url?.ToString() ?? post.Id)}");
            }
            else
            {
                log.AddRow(number.ToString(CultureInfo.InvariantCulture), Markup.Escape(Shorten(text)), $"[yellow]{result.Error!.Kind}:[/] {Markup.Escape(result.Error.Message)}");
            }
        }

        AnsiConsole.Write(log);
        foreach (var hours in new[] { 1, 24 })
        {
            clock.Advance(TimeSpan.FromHours(hours == 1 ? 1 : 23));
            var metrics = await platform.GetMetricsAsync(Account, published.Select(p => p.Post.Id).ToList(), cancellationToken);
            var table = new Table().Title($"after {hours} h").AddColumns("Post", MetricNames.Impressions, MetricNames.Likes, MetricNames.Reposts, MetricNames.Replies, MetricNames.LinkClicks);
            foreach (var m in metrics)
            {
                var text = published.First(p => p.Post.Id == m.PostId).Text;
                table.AddRow([Markup.Escape(Shorten(text)), .. new[] { MetricNames.Impressions, MetricNames.Likes, MetricNames.Reposts, MetricNames.Replies, MetricNames.LinkClicks }
                    .Select(name => m.Counters.TryGetValue(name, out var v) ? v.ToString(CultureInfo.InvariantCulture) : "-")]);
            }

            AnsiConsole.Write(table);
        }

        await host.StopAsync(cancellationToken);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Done. Everything the demo wrote is in [blue]{demoFolder.Root}[/].");
        return ExitCodes.Success;
    }

    /// <summary>Creates data/demo afresh with a plugins.json that loads the home's sandbox plugin.</summary>
    private static ClientFolder PrepareDemoFolder(ClientFolder home)
    {
        var file = PluginsFileReader.Read(home.PluginsFile);
        var sandbox = file.Plugins.FirstOrDefault(p => p.Id == "sandbox")
            ?? throw new UserFacingException($"the demo needs the sandbox plugin, and {home.PluginsFile} lists none");
        var root = Path.Combine(home.DataDirectory, "demo");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        var plugins = new JsonObject
        {
            ["plugins"] = new JsonArray(new JsonObject
            {
                ["id"] = "sandbox",
                ["path"] = sandbox.Directory,
                ["settings"] = new JsonObject { ["seed"] = 7 },
                ["accounts"] = new JsonArray(new JsonObject { ["name"] = Account, ["timeZone"] = "Europe/Berlin" }),
            }),
        };
        File.WriteAllText(Path.Combine(root, Core.Plugins.PluginsFile.FileName), plugins.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return new ClientFolder(root);
    }

    private static string Shorten(string text) => text.Length <= 48 ? text : text[..47] + "…";
}
