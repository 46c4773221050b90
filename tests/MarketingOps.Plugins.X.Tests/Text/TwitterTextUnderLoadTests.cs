using System.Globalization;
using MarketingOps.Sdk;
using MarketingOps.Testing.Peers;
using YamlDotNet.RepresentationModel;

namespace MarketingOps.Plugins.X.Tests.Text;

/// <summary>Issue 10: X's length must not change with machine load (a URL once counted at full length when its pattern compiled slowly).</summary>
public sealed class TwitterTextUnderLoadTests
{
    [Fact]
    public void Validation_of_the_conformance_cases_gives_the_same_lengths_while_every_core_is_busy()
    {
        if (!File.Exists(TwitterTextConformanceTests.ValidateYml))
        {
            PeerUnavailable.SkipOrFail($"{TwitterTextConformanceTests.ValidateYml} not found");
        }

        var cases = TwitterTextConformanceTests.Suite("WeightedTweetsWithDiscountedEmojiCounterTest").Children
            .Cast<YamlMappingNode>()
            .Select(n => (Text: ((YamlScalarNode)n["text"]).Value ?? "", Length: int.Parse(((YamlScalarNode)((YamlMappingNode)n["expected"])["weightedLength"]).Value!, CultureInfo.InvariantCulture)))
            .ToList();
        Assert.NotEmpty(cases);

        // Four busy threads per core, for as long as the validation runs; they count their spins to prove they ran.
        using var stop = new CancellationTokenSource();
        var spins = new long[Environment.ProcessorCount * 4];
        var started = new CountdownEvent(spins.Length);
        var threads = Enumerable.Range(0, spins.Length).Select(i => new Thread(() =>
        {
            started.Signal();
            while (!stop.IsCancellationRequested)
            {
                spins[i]++;
            }
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal }).ToList();
        threads.ForEach(t => t.Start());
        started.Wait(TestContext.Current.CancellationToken);

        List<string> wrong;
        long spinsDuring;
        try
        {
            var before = spins.Sum();
            using var platform = XTestHarness.Create(new Uri("http://127.0.0.1:9/"));
            wrong = [.. cases
                .Select(c => (c.Text, c.Length, Got: platform.Validate(new PostDraft(c.Text))))
                .Where(c => c.Got.Length != c.Length)
                .Select(c => $"{c.Text}: expected {c.Length}, got {c.Got.Length} ({string.Join("; ", c.Got.Problems)})")];
            spinsDuring = spins.Sum() - before;
        }
        finally
        {
            stop.Cancel();
            threads.ForEach(t => t.Join());
        }

        Assert.True(spinsDuring > 0, "the busy threads did not run while the cases were validated");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
