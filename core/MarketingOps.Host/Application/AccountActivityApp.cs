using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Storage;

namespace MarketingOps.Host.Application;

/// <summary>
/// Each account's rate budgets left and last publish, read from the post store with the publisher's own budgets
/// (<see cref="PublishExecutor.BudgetsFor"/>) and its own count of claims, so the page and the publisher never disagree.
/// </summary>
internal sealed class AccountActivityApp(IPlatformRegistry registry, PublishExecutor publisher, IPostStore store, TimeProvider time)
{
    public async Task<AccountActivity> GetAsync(string name, CancellationToken cancellationToken)
    {
        var account = registry.FindAccount(InputChecks.Id(name, "name"))
            ?? throw ApiProblemException.NotFound($"No account named '{name}'. Configured accounts: {string.Join(", ", registry.Accounts.Select(a => a.Name))}.");
        var now = time.GetUtcNow();
        var budgets = new List<BudgetLeft>();
        if (registry.FindPlatform(account.Platform) is { } platform)
        {
            foreach (var budget in publisher.BudgetsFor(account, platform))
            {
                var claims = await store.ListClaimsSinceAsync(account.Name, now - budget.Window, budget.Limit, cancellationToken);
                var left = Math.Max(0, budget.Limit - claims.Count);
                budgets.Add(new BudgetLeft(budget.Operation, budget.Limit, budget.Window, claims.Count, left, left == 0 && claims.Count > 0 ? claims[^1] + budget.Window : null));
            }
        }

        var last = await store.LastMovedToAsync(account.Name, PostState.Published, cancellationToken);
        return new AccountActivity(account.Name, budgets, last?.PostId, last?.At);
    }

    public async Task<IReadOnlyList<AccountActivity>> ListAsync(CancellationToken cancellationToken)
    {
        var all = new List<AccountActivity>();
        foreach (var account in registry.Accounts)
        {
            all.Add(await GetAsync(account.Name, cancellationToken));
        }

        return all;
    }
}
