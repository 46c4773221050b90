using System.Globalization;
using MarketingOps.Core.Access;
using MarketingOps.Host.Cli;
using Spectre.Console;

namespace MarketingOps.Host.Commands.Access;

/// <summary><c>mops tokens list</c>: ids, names, roles and last use; never a secret.</summary>
internal sealed class TokensListCommand : AccessCommand<JsonSettings>
{
    protected override async Task<int> ExecuteAsync(AccessService access, JsonSettings settings, CancellationToken cancellationToken)
    {
        var users = (await access.ListUsersAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        var tokens = await access.ListTokensAsync(null, cancellationToken);
        string? UserOf(ApiToken t) => t.UserId is null ? null : users.GetValueOrDefault(t.UserId, "(removed)");
        if (settings.Json)
        {
            JsonOutput.Write(tokens.Select(t => new { id = t.Id, name = t.Name, role = AccessService.Describe(t.Role), user = UserOf(t), createdAt = t.CreatedAt, expiresAt = t.ExpiresAt, lastUsedAt = t.LastUsedAt, revokedAt = t.RevokedAt }));
            return ExitCodes.Success;
        }

        static string When(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
        var table = new Table().AddColumns("Id", "Name", "Role", "User", "Created (UTC)", "Expires", "Last used", "Revoked");
        foreach (var t in tokens)
        {
            table.AddRow(t.Id, Markup.Escape(t.Name), AccessService.Describe(t.Role), Markup.Escape(UserOf(t) ?? "-"), When(t.CreatedAt), When(t.ExpiresAt), When(t.LastUsedAt), When(t.RevokedAt));
        }

        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }
}
