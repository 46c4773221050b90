using MarketingOps.Core.Access;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;

namespace MarketingOps.Host.Commands.Access;

/// <summary><c>mops tokens create --name N --role R</c>: prints the token once.</summary>
internal sealed class TokensCreateCommand : AccessCommand<TokensCreateSettings>
{
    protected override async Task<int> ExecuteAsync(AccessService access, TokensCreateSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Name is null || settings.Role is null)
        {
            throw new UsageException("--name and --role are required, e.g. --name zapier --role editor");
        }

        if (settings.ExpiresInDays is < 1)
        {
            throw new UsageException($"--expires-in-days: '{settings.ExpiresInDays}' is not a number of days; give 1 or more");
        }

        var issued = await access.CreateTokenAsync(settings.Name, AccessService.ParseRole(settings.Role, "--role"), settings.User,
            settings.ExpiresInDays is { } days ? TimeSpan.FromDays(days) : null, cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(new { id = issued.Token.Id, name = issued.Token.Name, role = AccessService.Describe(issued.Token.Role), expiresAt = issued.Token.ExpiresAt, token = issued.Value });
            return ExitCodes.Success;
        }

        Console.Out.WriteLine(issued.Value);
        Console.Error.WriteLine($"token {issued.Token.Id} ({issued.Token.Name}, {AccessService.Describe(issued.Token.Role)}): shown once, stored only as a hash; send it as 'Authorization: Bearer <token>'");
        return ExitCodes.Success;
    }
}
