namespace MarketingOps.Core.Storage;

/// <summary>
/// Each running host's heartbeat, in the post store's database: a claim whose holder stopped renewing its lease is
/// an orphan, whatever its process id or the GUID it ran under, and the recovery sweep settles it by lookup.
/// </summary>
internal sealed class SqlHostLeases(AdoPostStore database) : IHostLeases
{
    public async Task RenewAsync(string instanceId, string holder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await database.WriteAsync(
            "INSERT INTO host_leases (instance_id, holder, started_at, renewed_at) VALUES (@id, @holder, @now, @now) " +
            "ON CONFLICT (instance_id) DO UPDATE SET renewed_at = @now, holder = @holder",
            c =>
            {
                AdoPostStore.Add(c, "@id", instanceId);
                AdoPostStore.Add(c, "@holder", holder);
                AdoPostStore.Add(c, "@now", now.ToUnixTimeMilliseconds());
            },
            cancellationToken);
    }

    public async Task ReleaseAsync(string instanceId, CancellationToken cancellationToken)
    {
        await database.WriteAsync("DELETE FROM host_leases WHERE instance_id = @id", c => AdoPostStore.Add(c, "@id", instanceId), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = AdoPostStore.Command(connection, null, "SELECT instance_id, renewed_at FROM host_leases");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var leases = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            leases[reader.GetString(0)] = AdoPostStore.FromUnix(reader.GetInt64(1));
        }

        return leases;
    }

    public async Task<int> ForgetOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        await database.WriteAsync("DELETE FROM host_leases WHERE renewed_at < @before", c => AdoPostStore.Add(c, "@before", before.ToUnixTimeMilliseconds()), cancellationToken);
}
