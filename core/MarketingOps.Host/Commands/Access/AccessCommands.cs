using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Access;

internal static class AccessCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddBranch("users", users =>
        {
            users.SetDescription("People who sign in to the HTTP API and dashboard: owner, editor, approver or viewer.");
            users.AddCommand<UsersAddCommand>("add").WithDescription("Add a user; the password is read without echo (or from piped input), or generated with --generate-password and printed once.");
            users.AddCommand<UsersListCommand>("list").WithDescription("Every user with their role.");
            users.AddCommand<UsersRemoveCommand>("remove").WithDescription("Remove a user and revoke their tokens.");
            users.AddCommand<UsersResetPasswordCommand>("reset-password").WithDescription("Set a new password; ends the lockout and every session.");
        });
        config.AddBranch("tokens", tokens =>
        {
            tokens.SetDescription("Personal API tokens for scripts and integrations, stored hashed.");
            tokens.AddCommand<TokensCreateCommand>("create").WithDescription("Create a token; its value is printed once.");
            tokens.AddCommand<TokensListCommand>("list").WithDescription("Every token with its role and last use; never a secret.");
            tokens.AddCommand<TokensRevokeCommand>("revoke").WithDescription("Revoke a token by id (or by name).");
        });
    }
}
