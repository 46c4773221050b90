using MarketingOps.Core.Access;
using MarketingOps.Host.Cli;

namespace MarketingOps.Host.Commands.Access;

/// <summary><c>mops users reset-password NAME</c>.</summary>
internal sealed class UsersResetPasswordCommand : AccessCommand<UserPasswordSettings>
{
    protected override async Task<int> ExecuteAsync(AccessService access, UserPasswordSettings settings, CancellationToken cancellationToken)
    {
        var password = settings.GeneratePassword ? null : ReadPassword(settings.Name);
        var (user, generated) = await access.ResetPasswordAsync(settings.Name, password, cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(new { name = user.Name, generatedPassword = generated });
            return ExitCodes.Success;
        }

        Console.Error.WriteLine($"new password set for {user.Name}; their sessions have ended and any lockout is lifted");
        if (generated is not null)
        {
            Console.Out.WriteLine(generated);
        }

        return ExitCodes.Success;
    }
}
