using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Workflows.FollowUp.Tests.Doubles;

/// <summary>A workflow context that only collects proposals: there is no way to send from a workflow at all.</summary>
public sealed class RecordingWorkflowContext : IWorkflowContext
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public DateTimeOffset ScheduledAt { get; init; } = Now;

    public DateTimeOffset? PreviousRunAt { get; init; }

    public TimeProvider Clock { get; } = new FakeTimeProvider(Now);

    public ILogger Logger { get; init; } = NullLogger.Instance;

    public IReadOnlyList<AccountInfo> Accounts { get; init; } = [new AccountInfo("sandbox", "acme", "Europe/Paris")];

    public Dictionary<string, IAudienceSource> Sources { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<Proposal> Proposals { get; } = [];

    public IAudienceSource? GetAudienceSource(string platformId) => Sources.GetValueOrDefault(platformId);

    public Task<string> ProposeAsync(Proposal proposal, CancellationToken cancellationToken)
    {
        Proposals.Add(proposal);
        return Task.FromResult($"item-{Proposals.Count}");
    }
}
