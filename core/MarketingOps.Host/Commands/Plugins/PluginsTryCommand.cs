using System.Globalization;
using MarketingOps.Core.Accounts;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Scheduling;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using MarketingOps.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Plugins;

/// <summary>
/// <c>mops plugins try ID --account A [--text T] [--publish]</c>: a plugin author's quickest loop and a support tool.
/// Validates a draft with the plugin; with <c>--publish</c> schedules it for now through <see cref="PostService"/> (the
/// guardrails judge it as any post), fires it through the host's <see cref="PublishExecutor"/>, then looks it up and
/// fetches its metrics, printing each call's result. The post stays in the store like any other.
/// </summary>
internal sealed class PluginsTryCommand : HostedCommand<PluginsTrySettings>
{
    private static readonly TimeSpan MetricsTimeout = TimeSpan.FromSeconds(30);

    public override async Task<int> ExecuteAsync(CommandContext context, PluginsTrySettings settings, CancellationToken cancellationToken)
    {
        using var host = BuildHost(settings, o => o with { ConsoleLevel = Serilog.Events.LogEventLevel.Error });
        var services = host.Services;
        var plugins = services.GetRequiredService<PluginManager>();
        plugins.LoadAll();
        var (platform, account) = Resolve(plugins, settings);
        var time = services.GetRequiredService<TimeProvider>();
        // Short, to fit any platform's limit, and with the time so that a second try is no duplicate.
        var text = settings.Text ?? $"mops plugins try {time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z";
        var report = new TryReport(settings.Id, account.Name, text);
        var output = new TryOutput(settings.Json);

        DraftValidation validation;
        try
        {
            validation = await platform.ValidateAsync(account.Name, new PostDraft(text), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // What a plugin author most needs to see: the plugin's own failure, not a host error.
            throw new UserFacingException($"plugin {settings.Id}: Validate failed with {e.GetType().Name}: {e.Message}");
        }

        report = report with { Validation = TryReport.ValidationOf(validation) };
        output.Validation(validation);
        if (!validation.IsValid || !settings.Publish)
        {
            output.Done(report);
            return validation.IsValid ? ExitCodes.Success : ExitCodes.Failure;
        }

        var (post, published) = await PublishAsync(services, account, text, output, cancellationToken);
        report = report with { Publish = published };
        if (post?.PlatformPostId is not { } platformId)
        {
            output.Done(report);
            return ExitCodes.Failure;
        }

        var calls = services.GetRequiredService<PlatformCalls>();
        var request = new PublishRequest(post.Account, post.ToDraft(), post.IdempotencyKey, post.Attempts + 1, post.FirstAttemptAt ?? post.DueAt);
        var lookup = await calls.LookupAsync(platform, request, cancellationToken);
        report = report with { Lookup = TryReport.LookupOf(lookup) };
        output.Lookup(lookup);

        var metrics = await MetricsAsync(platform, account.Name, platformId, output, cancellationToken);
        report = report with { Metrics = metrics };
        output.Done(report);
        return lookup.Status == LookupStatus.Found && lookup.Post?.Id == platformId && metrics.Error is null ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The active platform of <c>settings.Id</c> and its account <c>settings.Account</c>, or an error that says what is wrong.</summary>
    private static (IPlatform Platform, ClientAccount Account) Resolve(PluginManager plugins, PluginsTrySettings settings)
    {
        var state = plugins.States.FirstOrDefault(s => string.Equals(s.Id, settings.Id, StringComparison.Ordinal))
            ?? throw new UserFacingException($"no plugin \"{settings.Id}\" in plugins.json (it has: {List(plugins.States.Select(s => s.Id))})");
        if (state.Status != PluginStatus.Active)
        {
            throw new UserFacingException($"plugin {state.Id} is {state.Status}{(state.Reason is null ? "" : ": " + state.Reason)}; `mops plugins check` says more");
        }

        var platform = plugins.FindPlatform(state.Id)
            ?? throw new UserFacingException($"plugin {state.Id} is a {state.Kind?.ToString().ToLowerInvariant() ?? "non-platform"} plugin; only a platform plugin can be tried");
        if (string.IsNullOrWhiteSpace(settings.Account))
        {
            throw new UserFacingException($"--account is required: one of {state.Id}'s accounts in plugins.json ({List(AccountsOf(plugins, state.Id))})");
        }

        var account = plugins.FindAccount(settings.Account);
        if (account is null || !string.Equals(account.Platform, state.Id, StringComparison.Ordinal))
        {
            var what = account is null ? $"no account \"{settings.Account}\" on {state.Id}" : $"account \"{account.Name}\" is on {account.Platform}, not {state.Id},";
            throw new UserFacingException($"{what} in plugins.json ({state.Id} has: {List(AccountsOf(plugins, state.Id))})");
        }

        return (platform, account);
    }

    /// <summary>Schedules the draft for now (the guardrails judge it), then fires it as Quartz would; the post is null when none was stored.</summary>
    private static async Task<(Post? Post, TryPublish Result)> PublishAsync(IServiceProvider services, ClientAccount account, string text, TryOutput output, CancellationToken cancellationToken)
    {
        var posts = services.GetRequiredService<PostService>();
        ScheduledPost scheduled;
        try
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            scheduled = await posts.ScheduleAsync(new ScheduleRequest(account.Name, now.ToString("O", CultureInfo.InvariantCulture), text) { Source = "plugins try" }, cancellationToken);
        }
        catch (PostRefusedException refused)
        {
            var result = new TryPublish(null, "Refused", null, null, refused.Verdict.Summary);
            output.Publish(result);
            return (null, result);
        }
        catch (PostRequestException invalid)
        {
            throw new UserFacingException(string.Join(Environment.NewLine + "  ", invalid.Problems));
        }

        var post = scheduled.Post;
        if (post.State == PostState.Scheduled)
        {
            post = await services.GetRequiredService<PublishExecutor>().ExecuteAsync(post.Id, recovering: false, cancellationToken) ?? post;
            if (post.State != PostState.Scheduled)
            {
                // Fired here rather than by Quartz: the trigger that scheduling left behind has nothing more to do.
                await services.GetRequiredService<IPublishScheduler>().UnscheduleAsync(post.Id, cancellationToken);
            }
        }

        var published = TryReport.PublishOf(post);
        output.Publish(published);
        return (post, published);
    }

    /// <summary>The post's counters, asked for on demand; a plugin's failure or silence becomes the result's error.</summary>
    private static async Task<TryMetrics> MetricsAsync(IPlatform platform, string account, string platformId, TryOutput output, CancellationToken cancellationToken)
    {
        TryMetrics result;
        if (!platform.Descriptor.Capabilities.HasFlag(PlatformCapabilities.Metrics))
        {
            result = new TryMetrics([], "the platform does not declare Metrics, so the host never asks it for counters");
        }
        else
        {
            try
            {
                var metrics = await platform.GetMetricsAsync(account, [platformId], cancellationToken).WaitAsync(MetricsTimeout, cancellationToken);
                result = metrics.Count == 1 && metrics[0].PostId == platformId
                    ? new TryMetrics(metrics, null)
                    : new TryMetrics(metrics, $"asked for post {platformId}, the plugin answered for {(metrics.Count == 0 ? "none" : string.Join(", ", metrics.Select(m => m.PostId)))}: it must answer one PostMetrics per id asked");
            }
            catch (TimeoutException)
            {
                result = new TryMetrics([], $"no answer within {MetricsTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds");
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                result = new TryMetrics([], $"the plugin failed with {e.GetType().Name}: {e.Message}");
            }
        }

        output.Metrics(result);
        return result;
    }

    private static IEnumerable<string> AccountsOf(PluginManager plugins, string platform) =>
        plugins.Accounts.Where(a => string.Equals(a.Platform, platform, StringComparison.Ordinal)).Select(a => a.Name);

    private static string List(IEnumerable<string> names) => names.Any() ? string.Join(", ", names) : "none";
}
