using Xunit;

namespace MarketingOps.Testing.Peers;

/// <summary>What a test does when a peer cannot be reached: skip visibly on a developer machine, fail in CI.</summary>
public static class PeerUnavailable
{
    /// <summary>True when the environment variable <c>CI</c> is set: peers are required then.</summary>
    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Skips the running test with <paramref name="reason"/>, or fails it when <see cref="InCi"/>.</summary>
    public static void SkipOrFail(string reason)
    {
        if (InCi)
        {
            Assert.Fail($"Peer unavailable in CI (CI is set, so this fails instead of skipping): {reason}");
        }

        Assert.Skip($"Peer unavailable, test skipped: {reason}");
    }
}
