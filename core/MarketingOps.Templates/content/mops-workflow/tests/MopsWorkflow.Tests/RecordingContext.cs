using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MopsWorkflow.Tests;

/// <summary>A workflow run's context that hands out one audience source and records what the workflow proposes.</summary>
internal sealed class RecordingContext(IReadOnlyList<AccountInfo> accounts, IAudienceSource? audience) : IWorkflowContext
{
    public List<Proposal> Proposals { get; } = [];

    public DateTimeOffset ScheduledAt { get; init; } = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public DateTimeOffset? PreviousRunAt { get; init; }

    public TimeProvider Clock => TimeProvider.System;

    public ILogger Logger => NullLogger.Instance;

    public IReadOnlyList<AccountInfo> Accounts => accounts;

    public IAudienceSource? GetAudienceSource(string platformId) => audience;

    public Task<string> ProposeAsync(Proposal proposal, CancellationToken cancellationToken)
    {
        Proposals.Add(proposal);
        return Task.FromResult($"proposal-{Proposals.Count}");
    }
}
