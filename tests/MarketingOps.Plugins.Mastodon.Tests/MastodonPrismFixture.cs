using MarketingOps.Testing.Peers;

namespace MarketingOps.Plugins.Mastodon.Tests;

/// <summary>Prism validating every request against the Mastodon OpenAPI document, in front of a recording fake instance.</summary>
public sealed class MastodonPrismFixture() : PrismFixture(PeerPaths.Shared("specs", "mastodon.openapi.json"));
