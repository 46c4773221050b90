namespace MarketingOps.Plugins.Sandbox.Settings;

/// <summary>An account on the sandbox network.</summary>
/// <param name="Name">The host's name for the account.</param>
/// <param name="Handle">The public handle (account setting <c>handle</c>; the default value is the name).</param>
/// <param name="Followers">Follower count (account setting <c>followers</c>; the default value is 1000).</param>
internal sealed record SandboxAccount(string Name, string Handle, long Followers)
{
    public const long DefaultFollowers = 1000;
}
