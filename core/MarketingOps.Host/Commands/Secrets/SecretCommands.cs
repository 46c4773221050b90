using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Secrets;

internal static class SecretCommands
{
    public static void Register(IConfigurator config) =>
        config.AddBranch("secrets", secrets =>
        {
            secrets.SetDescription("Credentials for the platform plugins, encrypted in the client folder.");
            secrets.AddCommand<SecretsSetCommand>("set").WithDescription("Store a secret; the value is read without echo (or from piped input).");
            secrets.AddCommand<SecretsListCommand>("list").WithDescription("The names of the stored secrets, never their values.");
            secrets.AddCommand<SecretsRemoveCommand>("remove").WithDescription("Delete a secret.");
        });
}
