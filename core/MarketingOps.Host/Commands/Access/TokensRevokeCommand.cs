using MarketingOps.Core.Access;
using MarketingOps.Host.Cli;

namespace MarketingOps.Host.Commands.Access;

/// <summary><c>mops tokens revoke ID</c>.</summary>
internal sealed class TokensRevokeCommand : AccessCommand<TokenIdSettings>
{
    protected override async Task<int> ExecuteAsync(AccessService access, TokenIdSettings settings, CancellationToken cancellationToken)
    {
        var token = await access.RevokeTokenAsync(settings.Id, null, cancellationToken);
        Console.Error.WriteLine($"revoked token {token.Id} ({token.Name})");
        return ExitCodes.Success;
    }
}
