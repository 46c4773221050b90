using MarketingOps.Dashboard.Tests.Browser;

[assembly: AssemblyFixture(typeof(Chromium))]
