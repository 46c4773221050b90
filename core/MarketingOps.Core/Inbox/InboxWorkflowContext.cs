using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Plugins;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Core.Inbox;

/// <summary>
/// What a workflow run sees: its proposals go to the inbox (never to the network), and the audience events it
/// reads are remembered for the guardrails' automation rules.
/// </summary>
public sealed class InboxWorkflowContext(
    string source,
    IInbox inbox,
    IPlatformRegistry registry,
    IAudienceHistory audience,
    TimeProvider clock,
    ILogger logger,
    DateTimeOffset scheduledAt,
    DateTimeOffset? previousRunAt) : IWorkflowContext
{
    public DateTimeOffset ScheduledAt => scheduledAt;

    public DateTimeOffset? PreviousRunAt => previousRunAt;

    public TimeProvider Clock => clock;

    public ILogger Logger => logger;

    /// <summary>Accounts whose platform is active: a workflow never works for an account nothing can publish to.</summary>
    public IReadOnlyList<AccountInfo> Accounts =>
        [.. registry.Accounts.Where(a => registry.FindPlatform(a.Platform) is not null).Select(a => new AccountInfo(a.Platform, a.Name, a.TimeZone.Id))];

    public IAudienceSource? GetAudienceSource(string platformId) =>
        registry.FindPlatform(platformId) is IAudienceSource source ? new RecordingAudienceSource(source, audience) : null;

    public async Task<string> ProposeAsync(Proposal proposal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (registry.FindPlatform(proposal.Platform) is null)
        {
            throw new InboxException($"'{source}' proposed a message for platform '{proposal.Platform}', which is not active; nothing was added to the inbox.");
        }

        var item = await inbox.ProposeAsync(source, proposal, cancellationToken);
        return item.Id;
    }
}
