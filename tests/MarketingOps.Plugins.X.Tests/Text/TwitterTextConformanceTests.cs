using MarketingOps.Plugins.X.Text;
using MarketingOps.Testing.Peers;
using YamlDotNet.RepresentationModel;

namespace MarketingOps.Plugins.X.Tests.Text;

/// <summary>X's own conformance suite (twitter-text validate.yml), read from ../shared/peers/twitter-text.</summary>
public sealed class TwitterTextConformanceTests
{
    internal static readonly string ValidateYml = PeerPaths.Shared("twitter-text", "validate.yml");
    private static readonly string ConfigV3 = PeerPaths.Shared("twitter-text", "config-v3.json");

    public static TheoryData<string, int, string> WeightedCases() => Cases("WeightedTweetsCounterTest");

    public static TheoryData<string, int, string> DiscountedEmojiCases() => Cases("WeightedTweetsWithDiscountedEmojiCounterTest");

    [Fact]
    public void BuiltInConfiguration_EqualsTheSuitesConfigV3()
    {
        RequireSuite();
        var fromFile = TwitterTextConfiguration.FromJson(File.ReadAllText(ConfigV3));
        Assert.True(TwitterTextConfiguration.V3.Equivalent(fromFile), "TwitterTextConfiguration.V3 differs from config-v3.json");
    }

    // WeightedTweetsCounterTest predates emoji parsing: it is v3's weights and URL length with each emoji code point
    // weighed on its own (twitter-text runs it with emoji parsing off), so emoji parsing is switched off here.
    [Theory]
    [MemberData(nameof(WeightedCases))]
    public void WeightedTweetsCounterTest(string suite, int index, string description)
    {
        AssertCase(suite, index, description, TwitterTextConfiguration.V3 with { EmojiParsingEnabled = false });
    }

    [Theory]
    [MemberData(nameof(DiscountedEmojiCases))]
    public void WeightedTweetsWithDiscountedEmojiCounterTest(string suite, int index, string description)
    {
        AssertCase(suite, index, description, TwitterTextConfiguration.V3);
    }

    private static void AssertCase(string suite, int index, string description, TwitterTextConfiguration configuration)
    {
        RequireSuite();
        var node = (YamlMappingNode)Suite(suite)[index];
        var text = ((YamlScalarNode)node["text"]).Value ?? "";
        var expected = (YamlMappingNode)node["expected"];
        int Expected(string key) => int.Parse(((YamlScalarNode)expected[key]).Value!, System.Globalization.CultureInfo.InvariantCulture);

        var actual = TwitterTextParser.Parse(text, configuration);

        var want = new TwitterTextParseResult(
            Expected("weightedLength"),
            Expected("permillage"),
            bool.Parse(((YamlScalarNode)expected["valid"]).Value!),
            Expected("displayRangeStart"),
            Expected("displayRangeEnd"),
            Expected("validRangeStart"),
            Expected("validRangeEnd"));
        Assert.True(want == actual, $"{description}: expected {want}, got {actual}");
    }

    private static void RequireSuite()
    {
        if (!File.Exists(ValidateYml))
        {
            PeerUnavailable.SkipOrFail($"{ValidateYml} not found (shared/ must sit beside the clone)");
        }
    }

    private static TheoryData<string, int, string> Cases(string suite)
    {
        var data = new TheoryData<string, int, string>();
        if (!File.Exists(ValidateYml))
        {
            data.Add(suite, -1, "suite file missing");
            return data;
        }

        var cases = Suite(suite);
        for (var i = 0; i < cases.Children.Count; i++)
        {
            data.Add(suite, i, ((YamlScalarNode)((YamlMappingNode)cases[i])["description"]).Value ?? $"case {i}");
        }

        return data;
    }

    internal static YamlSequenceNode Suite(string name)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(ValidateYml))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return (YamlSequenceNode)((YamlMappingNode)root["tests"])[name];
    }
}
