using MarketingOps.Core.Access;
using MarketingOps.Host.Cli;

namespace MarketingOps.Host.Commands.Access;

/// <summary><c>mops users remove NAME</c>.</summary>
internal sealed class UsersRemoveCommand : AccessCommand<UserNameSettings>
{
    protected override async Task<int> ExecuteAsync(AccessService access, UserNameSettings settings, CancellationToken cancellationToken)
    {
        var user = await access.RemoveUserAsync(settings.Name, cancellationToken);
        Console.Error.WriteLine($"removed {user.Name}; their tokens are revoked");
        return ExitCodes.Success;
    }
}
