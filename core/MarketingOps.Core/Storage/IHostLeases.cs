namespace MarketingOps.Core.Storage;

/// <summary>Heartbeats of the running hosts, so a claim can be told apart from an orphan while the engine runs.</summary>
internal interface IHostLeases
{
    /// <summary>Records that <paramref name="instanceId"/> is alive at <paramref name="now"/>.</summary>
    Task RenewAsync(string instanceId, string holder, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives the lease up on a clean stop, so the host's claims (none, normally) are orphans at once.</summary>
    Task ReleaseAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Every lease with the time it was last renewed.</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes leases not renewed since <paramref name="before"/>; returns how many.</summary>
    Task<int> ForgetOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
