using Microsoft.Extensions.Logging;

namespace MarketingOps.Sdk;

/// <summary>What a workflow run can see and do.</summary>
public interface IWorkflowContext
{
    /// <summary>When this run was scheduled to fire.</summary>
    DateTimeOffset ScheduledAt { get; }

    /// <summary>When the previous run fired, if there was one.</summary>
    DateTimeOffset? PreviousRunAt { get; }

    /// <summary>The host's clock.</summary>
    TimeProvider Clock { get; }

    /// <summary>A logger named after the workflow.</summary>
    ILogger Logger { get; }

    /// <summary>The client's accounts, across every platform.</summary>
    IReadOnlyList<AccountInfo> Accounts { get; }

    /// <summary>The audience source of a platform that offers one, or <see langword="null"/>.</summary>
    IAudienceSource? GetAudienceSource(string platformId);

    /// <summary>Puts a drafted reply or message into the approval inbox; it is sent only when the client's policy or a human says so.</summary>
    Task<string> ProposeAsync(Proposal proposal, CancellationToken cancellationToken);
}
