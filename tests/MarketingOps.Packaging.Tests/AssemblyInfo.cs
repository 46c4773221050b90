// One feed for the whole run: each package is packed once and shared by every test that installs it.
[assembly: AssemblyFixture(typeof(MarketingOps.Packaging.Tests.PackedFeed))]
