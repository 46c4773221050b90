using MarketingOps.Core.Storage;

namespace MarketingOps.Core.Access;

/// <summary>
/// Remembers which post an API client's <c>Idempotency-Key</c> created, per caller, so a retried request gets the
/// same post instead of a second one, on every node of a cluster.
/// </summary>
internal sealed class IdempotencyStore(AccessSchema schema, TimeProvider time)
{
    /// <summary>Claims the key for a request; false when the caller already used it (then read it with <see cref="GetAsync"/>).</summary>
    public async Task<bool> TryClaimAsync(string actor, string key, string requestHash, CancellationToken cancellationToken) =>
        await schema.WriteAsync(
            "INSERT INTO api_idempotency (actor, key, request_hash, post_id, created_at) VALUES (@actor, @key, @hash, NULL, @at) ON CONFLICT (actor, key) DO NOTHING",
            c =>
            {
                AdoPostStore.Add(c, "@actor", actor);
                AdoPostStore.Add(c, "@key", key);
                AdoPostStore.Add(c, "@hash", requestHash);
                AdoPostStore.Add(c, "@at", time.GetUtcNow().ToUnixTimeMilliseconds());
            },
            cancellationToken) == 1;

    /// <summary>The request hash and the post of a used key (the post is null while the first request is still running).</summary>
    public async Task<(string RequestHash, string? PostId)?> GetAsync(string actor, string key, CancellationToken cancellationToken)
    {
        await using var connection = await schema.OpenAsync(cancellationToken);
        await using var command = AdoPostStore.Command(connection, null, "SELECT request_hash, post_id FROM api_idempotency WHERE actor = @actor AND key = @key");
        AdoPostStore.Add(command, "@actor", actor);
        AdoPostStore.Add(command, "@key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
    }

    public Task CompleteAsync(string actor, string key, string postId, CancellationToken cancellationToken) =>
        schema.WriteAsync("UPDATE api_idempotency SET post_id = @post WHERE actor = @actor AND key = @key", c =>
        {
            AdoPostStore.Add(c, "@actor", actor);
            AdoPostStore.Add(c, "@key", key);
            AdoPostStore.Add(c, "@post", postId);
        }, cancellationToken);

    /// <summary>Frees a key whose request created nothing (refused or invalid), so the client may fix it and try again.</summary>
    public Task ReleaseAsync(string actor, string key, CancellationToken cancellationToken) =>
        schema.WriteAsync("DELETE FROM api_idempotency WHERE actor = @actor AND key = @key AND post_id IS NULL", c =>
        {
            AdoPostStore.Add(c, "@actor", actor);
            AdoPostStore.Add(c, "@key", key);
        }, cancellationToken);
}
