using System.Data;
using System.Data.Common;
using MarketingOps.Core.Storage;

namespace MarketingOps.Core.Access;

/// <summary>Users and API tokens in the client's store (SQLite or PostgreSQL), so every node of a cluster sees the same.</summary>
internal sealed class AccessStore(AccessSchema schema)
{
    private const string UserColumns = "id, name, role, password_hash, security_stamp, failed_logins, lockout_until, created_at, updated_at";
    private const string TokenColumns = "id, name, user_id, role, secret_hash, created_at, expires_at, last_used_at, revoked_at";

    public string Description => schema.Description;

    public async Task<bool> AddUserAsync(MopsUser user, CancellationToken cancellationToken) =>
        await schema.WriteAsync(
            $"INSERT INTO users ({UserColumns}, name_key) VALUES (@id, @name, @role, @password_hash, @security_stamp, @failed_logins, @lockout_until, @created_at, @updated_at, @name_key) ON CONFLICT (name_key) DO NOTHING",
            c => AddUser(c, user),
            cancellationToken) == 1;

    /// <summary>Writes the user's changeable fields; false when the user is gone.</summary>
    public async Task<bool> UpdateUserAsync(MopsUser user, CancellationToken cancellationToken) =>
        await schema.WriteAsync(
            "UPDATE users SET role = @role, password_hash = @password_hash, security_stamp = @security_stamp, failed_logins = @failed_logins, lockout_until = @lockout_until, updated_at = @updated_at WHERE id = @id",
            c => AddUser(c, user),
            cancellationToken) == 1;

    /// <summary>Removes a user and revokes their tokens in one transaction.</summary>
    public async Task<bool> RemoveUserAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await schema.OpenAsync(cancellationToken);
        await using var transaction = await schema.BeginWriteAsync(connection, cancellationToken);
        await using (var revoke = AdoPostStore.Command(connection, transaction, "UPDATE api_tokens SET revoked_at = @now WHERE user_id = @id AND revoked_at IS NULL"))
        {
            AdoPostStore.Add(revoke, "@id", id);
            AdoPostStore.Add(revoke, "@now", now.ToUnixTimeMilliseconds());
            await revoke.ExecuteNonQueryAsync(cancellationToken);
        }

        int removed;
        await using (var delete = AdoPostStore.Command(connection, transaction, "DELETE FROM users WHERE id = @id"))
        {
            AdoPostStore.Add(delete, "@id", id);
            removed = await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return removed == 1;
    }

    public async Task<MopsUser?> FindUserAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var found = await QueryUsersAsync("WHERE name_key = @key OR id = @id", c =>
        {
            AdoPostStore.Add(c, "@key", Key(nameOrId));
            AdoPostStore.Add(c, "@id", nameOrId);
        }, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<MopsUser>> ListUsersAsync(CancellationToken cancellationToken) =>
        QueryUsersAsync(string.Empty, _ => { }, cancellationToken);

    public async Task<int> CountOwnersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await schema.OpenAsync(cancellationToken);
        await using var command = AdoPostStore.Command(connection, null, "SELECT COUNT(*) FROM users WHERE role = @role");
        AdoPostStore.Add(command, "@role", nameof(UserRole.Owner));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task AddTokenAsync(ApiToken token, CancellationToken cancellationToken) =>
        await schema.WriteAsync(
            $"INSERT INTO api_tokens ({TokenColumns}) VALUES (@id, @name, @user_id, @role, @secret_hash, @created_at, @expires_at, @last_used_at, @revoked_at)",
            c =>
            {
                AdoPostStore.Add(c, "@id", token.Id);
                AdoPostStore.Add(c, "@name", token.Name);
                AdoPostStore.Add(c, "@user_id", token.UserId);
                AdoPostStore.Add(c, "@role", token.Role.ToString());
                AdoPostStore.Add(c, "@secret_hash", token.SecretHash);
                AdoPostStore.Add(c, "@created_at", token.CreatedAt.ToUnixTimeMilliseconds());
                AdoPostStore.Add(c, "@expires_at", token.ExpiresAt?.ToUnixTimeMilliseconds(), DbType.Int64);
                AdoPostStore.Add(c, "@last_used_at", token.LastUsedAt?.ToUnixTimeMilliseconds(), DbType.Int64);
                AdoPostStore.Add(c, "@revoked_at", token.RevokedAt?.ToUnixTimeMilliseconds(), DbType.Int64);
            },
            cancellationToken);

    public async Task<ApiToken?> GetTokenAsync(string id, CancellationToken cancellationToken)
    {
        var found = await QueryTokensAsync("WHERE id = @id", c => AdoPostStore.Add(c, "@id", id), cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<ApiToken>> ListTokensAsync(CancellationToken cancellationToken) =>
        QueryTokensAsync(string.Empty, _ => { }, cancellationToken);

    public async Task<bool> RevokeTokenAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await schema.WriteAsync("UPDATE api_tokens SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL", c =>
        {
            AdoPostStore.Add(c, "@id", id);
            AdoPostStore.Add(c, "@now", now.ToUnixTimeMilliseconds());
        }, cancellationToken) == 1;

    public async Task TouchTokenAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await schema.WriteAsync("UPDATE api_tokens SET last_used_at = @now WHERE id = @id", c =>
        {
            AdoPostStore.Add(c, "@id", id);
            AdoPostStore.Add(c, "@now", now.ToUnixTimeMilliseconds());
        }, cancellationToken);

    private async Task<IReadOnlyList<MopsUser>> QueryUsersAsync(string where, Action<DbCommand> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await schema.OpenAsync(cancellationToken);
        await using var command = AdoPostStore.Command(connection, null, $"SELECT {UserColumns} FROM users {where} ORDER BY name_key");
        parameters(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<MopsUser>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(new MopsUser(reader.GetString(0), reader.GetString(1), Enum.Parse<UserRole>(reader.GetString(2)))
            {
                PasswordHash = reader.GetString(3),
                SecurityStamp = reader.GetString(4),
                FailedLogins = reader.GetInt32(5),
                LockoutUntil = reader.IsDBNull(6) ? null : AdoPostStore.FromUnix(reader.GetInt64(6)),
                CreatedAt = AdoPostStore.FromUnix(reader.GetInt64(7)),
                UpdatedAt = AdoPostStore.FromUnix(reader.GetInt64(8)),
            });
        }

        return users;
    }

    private async Task<IReadOnlyList<ApiToken>> QueryTokensAsync(string where, Action<DbCommand> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await schema.OpenAsync(cancellationToken);
        await using var command = AdoPostStore.Command(connection, null, $"SELECT {TokenColumns} FROM api_tokens {where} ORDER BY created_at, id");
        parameters(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tokens = new List<ApiToken>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tokens.Add(new ApiToken(reader.GetString(0), reader.GetString(1), Enum.Parse<UserRole>(reader.GetString(3)))
            {
                UserId = reader.IsDBNull(2) ? null : reader.GetString(2),
                SecretHash = reader.GetString(4),
                CreatedAt = AdoPostStore.FromUnix(reader.GetInt64(5)),
                ExpiresAt = reader.IsDBNull(6) ? null : AdoPostStore.FromUnix(reader.GetInt64(6)),
                LastUsedAt = reader.IsDBNull(7) ? null : AdoPostStore.FromUnix(reader.GetInt64(7)),
                RevokedAt = reader.IsDBNull(8) ? null : AdoPostStore.FromUnix(reader.GetInt64(8)),
            });
        }

        return tokens;
    }

    private static void AddUser(DbCommand command, MopsUser user)
    {
        AdoPostStore.Add(command, "@id", user.Id);
        AdoPostStore.Add(command, "@name", user.Name);
        AdoPostStore.Add(command, "@name_key", Key(user.Name));
        AdoPostStore.Add(command, "@role", user.Role.ToString());
        AdoPostStore.Add(command, "@password_hash", user.PasswordHash);
        AdoPostStore.Add(command, "@security_stamp", user.SecurityStamp);
        AdoPostStore.Add(command, "@failed_logins", user.FailedLogins);
        AdoPostStore.Add(command, "@lockout_until", user.LockoutUntil?.ToUnixTimeMilliseconds(), DbType.Int64);
        AdoPostStore.Add(command, "@created_at", user.CreatedAt.ToUnixTimeMilliseconds());
        AdoPostStore.Add(command, "@updated_at", user.UpdatedAt.ToUnixTimeMilliseconds());
    }

    private static string Key(string name) => name.Trim().ToLowerInvariant();
}
