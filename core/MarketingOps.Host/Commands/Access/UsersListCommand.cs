using System.Globalization;
using MarketingOps.Core.Access;
using MarketingOps.Host.Cli;
using Spectre.Console;

namespace MarketingOps.Host.Commands.Access;

/// <summary><c>mops users list</c>.</summary>
internal sealed class UsersListCommand : AccessCommand<JsonSettings>
{
    protected override async Task<int> ExecuteAsync(AccessService access, JsonSettings settings, CancellationToken cancellationToken)
    {
        var users = await access.ListUsersAsync(cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(users.Select(u => new { name = u.Name, role = AccessService.Describe(u.Role), createdAt = u.CreatedAt, lockedUntil = u.LockoutUntil }));
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("Name", "Role", "Created (UTC)", "Locked until (UTC)");
        foreach (var user in users)
        {
            table.AddRow(Markup.Escape(user.Name), AccessService.Describe(user.Role), user.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                user.LockoutUntil?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-");
        }

        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }
}
