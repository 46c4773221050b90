using MarketingOps.Core.Access;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;

namespace MarketingOps.Host.Commands.Access;

/// <summary><c>mops users add NAME --role ROLE</c>.</summary>
internal sealed class UsersAddCommand : AccessCommand<UsersAddSettings>
{
    protected override async Task<int> ExecuteAsync(AccessService access, UsersAddSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Role is null)
        {
            throw new UsageException("--role is required: owner, editor, approver or viewer");
        }

        var role = AccessService.ParseRole(settings.Role, "--role");
        var password = settings.GeneratePassword ? null : ReadPassword(settings.Name);
        var (user, generated) = await access.AddUserAsync(settings.Name, role, password, cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(new { name = user.Name, role = AccessService.Describe(user.Role), generatedPassword = generated });
            return ExitCodes.Success;
        }

        Console.Error.WriteLine($"added {user.Name} as {AccessService.Describe(user.Role)} in {access.StoreDescription}");
        if (generated is not null)
        {
            // Alone on stdout so a script can capture it; it is shown this once.
            Console.Out.WriteLine(generated);
            Console.Error.WriteLine("the password above is shown once; it cannot be read again");
        }

        return ExitCodes.Success;
    }
}
