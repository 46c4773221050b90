using MarketingOps.Testing.Peers;

namespace MarketingOps.Plugins.X.Tests;

/// <summary>Prism validating every request against X's OpenAPI document, in front of a recording fake X.</summary>
public sealed class XPrismFixture() : PrismFixture(PeerPaths.Shared("specs", "x-api-v2.openapi.json"));
