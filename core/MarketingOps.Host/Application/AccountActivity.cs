namespace MarketingOps.Host.Application;

/// <summary>What an account has used and done: its publish budgets with what is left now, and its last published post.</summary>
/// <param name="Account">The account's name.</param>
/// <param name="Budgets">The publish budgets in force (the account's own from mops.json, else the platform's); empty when none applies or the platform is not active.</param>
/// <param name="LastPublishedPostId">The post that published last; null when none has.</param>
/// <param name="LastPublishedAt">When it published.</param>
internal sealed record AccountActivity(string Account, IReadOnlyList<BudgetLeft> Budgets, string? LastPublishedPostId, DateTimeOffset? LastPublishedAt);
