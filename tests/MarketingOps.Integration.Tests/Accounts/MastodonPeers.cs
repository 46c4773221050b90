using MarketingOps.Testing.Peers;

namespace MarketingOps.Integration.Tests.Accounts;

/// <summary>Prism validating every request against the Mastodon OpenAPI document, in front of a recording fake instance.</summary>
public sealed class MastodonPeers() : PrismFixture(PeerPaths.Shared("specs", "mastodon.openapi.json"));
