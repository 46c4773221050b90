using MarketingOps.Core.Accounts;
using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Plugins;
using Microsoft.Extensions.Options;

namespace MarketingOps.Host.Application;

/// <summary>The client's accounts as configured in <c>plugins.json</c>, with the limits that apply to them.</summary>
internal sealed class AccountsApp(IPlatformRegistry registry, IOptions<GuardrailOptions> guardrails)
{
    public IReadOnlyList<AccountView> List() => registry.Accounts.Select(View).ToList();

    public AccountView Get(string name) =>
        registry.FindAccount(InputChecks.Id(name, "name")) is { } account
            ? View(account)
            : throw ApiProblemException.NotFound($"No account named '{name}'. Configured accounts: {string.Join(", ", registry.Accounts.Select(a => a.Name))}.");

    private AccountView View(ClientAccount account)
    {
        var platform = registry.FindPlatform(account.Platform);
        var rules = guardrails.Value;
        var automation = platform?.Descriptor.Automation;
        var limits = platform?.Descriptor.Limits;
        return new AccountView(
            account.Name,
            account.Platform,
            account.TimeZone.Id,
            account.ApprovalRequired,
            platform is not null,
            new AccountLimits(
                limits?.MaxTextLength,
                limits?.LengthRule.ToString(),
                limits?.MaxMedia,
                Min(rules.PostsPerDay, automation?.PostsPerDay),
                Min(rules.RepliesPerHour, automation?.RepliesPerHour),
                Min(rules.DirectMessagesPerDay, automation?.DirectMessagesPerDay),
                rules.QuietHoursStart,
                rules.QuietHoursEnd));
    }

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
