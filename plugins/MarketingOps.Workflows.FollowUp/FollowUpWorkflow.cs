using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Workflows.FollowUp;

/// <summary>
/// For each new follower, mention, reply or message, drafts one personal follow-up from the person's public
/// profile and recent posts and proposes it to the inbox. It never sends anything itself.
/// </summary>
internal sealed class FollowUpWorkflow(FollowUpSettings settings) : IWorkflow
{
    private static readonly TimeSpan RunOverlap = TimeSpan.FromMinutes(15);

    public string Name => "follow-up";

    public string DefaultSchedule => "0 0/15 * * * ?";

    public async Task RunAsync(IWorkflowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Runs overlap a little so an event the platform reports late is not missed; the inbox keeps one proposal per event.
        var since = context.PreviousRunAt is { } previous ? previous - RunOverlap : context.ScheduledAt - settings.FirstRunLookback;
        foreach (var account in context.Accounts)
        {
            if (context.GetAudienceSource(account.Platform) is not { } audience)
            {
                continue;
            }

            try
            {
                await FollowUpAsync(context, audience, account, since, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One account's trouble (its platform is down, say) must not stop the others.
                context.Logger.LogWarning(exception, "Follow-ups for {Account} failed; the next run tries again", account.Name);
            }
        }
    }

    private async Task FollowUpAsync(IWorkflowContext context, IAudienceSource audience, AccountInfo account, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var events = await audience.GetEventsAsync(account.Name, since, cancellationToken);
        var handled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var audienceEvent in events)
        {
            if (!handled.Add(audienceEvent.Id))
            {
                continue; // at most one proposal per event
            }

            if (audienceEvent.Kind == AudienceEventKind.Follow && !settings.DraftForFollowers)
            {
                continue;
            }

            var profile = await audience.GetProfileAsync(account.Name, audienceEvent.Handle, cancellationToken);
            if (FollowUpDrafter.Draft(account, audienceEvent, profile) is not { } proposal)
            {
                continue;
            }

            await context.ProposeAsync(proposal, cancellationToken);
        }
    }
}
