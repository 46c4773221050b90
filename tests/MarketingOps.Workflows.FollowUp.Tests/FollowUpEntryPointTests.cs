using System.Text;
using System.Text.Json;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Workflows.FollowUp.Tests;

public sealed class FollowUpEntryPointTests
{
    [Fact]
    public void The_manifest_declares_a_workflow_plugin()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "plugins", "MarketingOps.Workflows.FollowUp", "plugin.json");
        using var manifest = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal("workflow", manifest.RootElement.GetProperty("kind").GetString());
        Assert.Equal("followup", manifest.RootElement.GetProperty("id").GetString());
        Assert.Equal("MarketingOps.Workflows.FollowUp.dll", manifest.RootElement.GetProperty("entryAssembly").GetString());
    }

    [Fact]
    public void Bad_settings_are_each_named()
    {
        var problems = new FollowUpEntryPoint().ValidateSettings(Config("""{ "firstRunLookbackHours": "0", "draftForFollowers": "maybe" }"""));
        Assert.Equal(["draftForFollowers", "firstRunLookbackHours"], problems.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Empty(new FollowUpEntryPoint().ValidateSettings(Config("""{ "firstRunLookbackHours": "48" }""")));
    }

    [Fact]
    public void Settings_are_read()
    {
        var settings = FollowUpSettings.Read(Config("""{ "firstRunLookbackHours": "48", "draftForFollowers": "false" }"""), []);
        Assert.Equal((TimeSpan.FromHours(48), false), (settings.FirstRunLookback, settings.DraftForFollowers));
    }

    [Theory]
    [InlineData("short text", "short text")]
    [InlineData("one two three four five six seven eight nine ten eleven twelve thirteen", "one two three four five six seven eight nine ten eleven…")]
    public void Quotes_are_cut_at_a_word(string text, string expected) => Assert.Equal(expected, FollowUpDrafter.Quote(text));

    [Fact]
    public void A_quote_never_splits_an_emoji()
    {
        var quote = FollowUpDrafter.Quote(new string('a', 59) + "🎉🎉🎉");
        Assert.False(char.IsHighSurrogate(quote[^2]));
    }

    [Fact]
    public void Registering_adds_the_follow_up_workflow()
    {
        var workflows = new List<IWorkflow>();
        var registrar = new Doubles.WorkflowRegistrar(Config("{}"), workflows);
        new FollowUpEntryPoint().Register(registrar);
        var workflow = Assert.Single(workflows);
        Assert.Equal("follow-up", workflow.Name);
        Assert.Equal("0 0/15 * * * ?", workflow.DefaultSchedule);
    }

    private static IConfiguration Config(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
}
