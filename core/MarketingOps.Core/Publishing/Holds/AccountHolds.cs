using System.Collections.Concurrent;

namespace MarketingOps.Core.Publishing.Holds;

/// <summary>
/// Accounts whose platform refused their credentials: their posts wait in Scheduled until the next check instead of
/// failing one by one, and the refusal is logged once per hold, not once per post. A success (or a connect) ends it.
/// </summary>
internal sealed class AccountHolds
{
    private readonly ConcurrentDictionary<string, CredentialHold> _holds = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The hold in force for the account until its next check, or null (none, or it is time to try again).</summary>
    public CredentialHold? Active(string account, DateTimeOffset now) =>
        _holds.TryGetValue(account, out var hold) && hold.NextCheck > now ? hold : null;

    /// <summary>Holds (or extends the hold on) an account; true when it was not held before.</summary>
    public bool Hold(string account, string reason, DateTimeOffset since, DateTimeOffset nextCheck)
    {
        var fresh = true;
        _holds.AddOrUpdate(account, new CredentialHold(reason, since, nextCheck), (_, old) =>
        {
            fresh = false;
            return old with { Reason = reason, NextCheck = nextCheck };
        });
        return fresh;
    }

    /// <summary>Ends the account's hold; true when there was one.</summary>
    public bool Release(string account) => _holds.TryRemove(account, out _);
}
