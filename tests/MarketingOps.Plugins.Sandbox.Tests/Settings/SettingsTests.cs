using MarketingOps.Plugins.Sandbox.Tests.Doubles;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Sandbox.Tests.Settings;

public sealed class SettingsTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("""
        {
          "seed": 42, "maxLength": 500, "timeScale": 3600, "reach": 0.5, "reachHalfLifeHours": 1.5,
          "duplicateWindowHours": 48, "enforceRateBudgets": false, "journal": "data/sandbox.jsonl",
          "defaultRates": { "clickRate": 0.02, "likeRate": 0.05, "repostRate": 0.01, "replyRate": 0.001 },
          "rates": [ { "contains": "free shipping", "clickRate": 0.04 }, { "variant": "B", "likeRate": 0.1 } ],
          "audience": { "followsPerHour": 2, "mentionsPerHour": 0, "messagesPerHour": 0.1 },
          "faults": { "transientRate": 0.1, "ambiguousRate": 0.05, "rateLimitRate": 0.05, "unavailableRate": 0.01, "retryAfterSeconds": 30 }
        }
        """)]
    public void Valid_settings_have_no_problems(string json)
    {
        Assert.Empty(new SandboxEntryPoint().ValidateSettings(TestNetwork.Config(json)));
    }

    [Fact]
    public void Every_problem_is_named_by_its_key()
    {
        var problems = new SandboxEntryPoint().ValidateSettings(TestNetwork.Config("""
            {
              "seed": "abc", "maxLength": 0, "timeScale": 0, "seeed": 3, "journal": "",
              "enforceRateBudgets": "sometimes",
              "defaultRates": { "likeRate": -0.1 },
              "rates": [ { "contains": "sale", "clickRate": 2 }, { "clickRate": 0.1 }, { "contains": "x", "clikRate": 0.1 } ],
              "audience": { "followsPerHour": "many" },
              "faults": { "transientRate": -1, "ambiguousRate": 1.5 }
            }
            """));

        Assert.Equal(
            new[]
            {
                "audience:followsPerHour", "defaultRates:likeRate", "enforceRateBudgets", "faults:ambiguousRate", "faults:transientRate",
                "journal", "maxLength", "rates:0:clickRate", "rates:1:contains", "rates:2:clikRate", "seed", "seeed", "timeScale",
            },
            problems.Select(p => p.Key).Distinct().Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        Assert.Contains(problems, p => p.Key == "seed" && p.Message.Contains("'abc'", StringComparison.Ordinal));
    }

    [Fact]
    public void Fault_rates_that_add_up_past_one_are_a_problem()
    {
        var problems = new SandboxEntryPoint().ValidateSettings(TestNetwork.Config("""{ "faults": { "transientRate": 0.6, "ambiguousRate": 0.6 } }"""));

        Assert.Equal("faults:transientRate", Assert.Single(problems).Key);
    }

    [Fact]
    public void Rates_must_be_a_list()
    {
        var problems = new SandboxEntryPoint().ValidateSettings(TestNetwork.Config("""{ "rates": "free shipping" }"""));

        Assert.Equal("rates", Assert.Single(problems).Key);
    }

    [Fact]
    public void Register_refuses_a_bad_account_setting_and_names_it()
    {
        var account = new PluginAccount("acme", "UTC", TestNetwork.Config("""{ "followers": -5 }"""));
        var registrar = new TestRegistrar(TestNetwork.Config("{}"), [account], TestNetwork.Clock());

        var error = Assert.Throws<InvalidOperationException>(() => new SandboxEntryPoint().Register(registrar));

        Assert.Contains("accounts:acme:followers", error.Message, StringComparison.Ordinal);
        Assert.Empty(registrar.Platforms);
    }

    [Fact]
    public void Register_adds_one_platform_that_is_also_an_audience_source()
    {
        var registrar = new TestRegistrar(TestNetwork.Config("{}"), [], TestNetwork.Clock());

        new SandboxEntryPoint().Register(registrar);

        var platform = Assert.Single(registrar.Platforms);
        Assert.IsAssignableFrom<IAudienceSource>(platform);
        Assert.Equal("Sandbox network", platform.Descriptor.DisplayName);
    }
}
