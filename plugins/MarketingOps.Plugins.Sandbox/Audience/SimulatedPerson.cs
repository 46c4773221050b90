using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Sandbox.Audience;

/// <summary>Someone on the sandbox network who may follow, mention, reply to or message the client's accounts.</summary>
internal sealed record SimulatedPerson(string Handle, string DisplayName, string Bio, string Interest, IReadOnlyList<string> RecentPosts)
{
    public PublicProfile ToProfile() => new(Handle, DisplayName, Bio, RecentPosts);
}
