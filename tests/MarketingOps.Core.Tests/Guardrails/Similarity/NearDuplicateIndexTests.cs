using MarketingOps.Core.Guardrails.Similarity;

namespace MarketingOps.Core.Tests.Guardrails.Similarity;

public sealed class NearDuplicateIndexTests
{
    [Fact]
    public void A_planted_copy_is_found_among_many_unrelated_messages()
    {
        var index = new NearDuplicateIndex(0.6);
        var random = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            index.Add(ContentFingerprint.Create(RandomPost(random)));
        }

        var planted = index.Add(ContentFingerprint.Create("Our spring sale starts today! 20% off everything in store."));
        var results = new List<SimilarSlot>();
        index.Query(ContentFingerprint.Create("Our SPRING sale starts today!!! 20% off everything in store 🎉"), 0.6, _ => true, results);

        Assert.Equal(planted, Assert.Single(results).Slot);
    }

    [Fact]
    public void Removed_slots_are_never_returned_and_compaction_keeps_the_rest()
    {
        var index = new NearDuplicateIndex(0.6);
        var slots = Enumerable.Range(0, 3000).Select(i => index.Add(ContentFingerprint.Create($"post number {i} about the launch of product {i}"))).ToList();
        foreach (var slot in slots.Take(2000))
        {
            index.Remove(slot);
        }

        Assert.True(index.NeedsCompaction);
        var map = index.Compact();
        Assert.Equal(-1, map[0]);
        Assert.Equal(0, map[2000]);
        Assert.Equal(1000, index.Count);

        var results = new List<SimilarSlot>();
        index.Query(ContentFingerprint.Create("post number 2500 about the launch of product 2500"), 0.9, _ => true, results);
        Assert.Equal(map[2500], Assert.Single(results).Slot);

        results.Clear();
        index.Query(ContentFingerprint.Create("post number 5 about the launch of product 5"), 0.9, _ => true, results);
        Assert.Empty(results);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.9)]
    public void Banding_finds_pairs_at_the_threshold_with_high_probability(double threshold)
    {
        var banding = new MinHashBanding(threshold);
        Assert.True(banding.Bands * banding.Rows <= MinHashBanding.MaxSignatureLength);
        Assert.True(MinHashBanding.CandidateProbability(threshold, banding.Rows, banding.Bands) >= MinHashBanding.TargetRecallAtThreshold);
        Assert.True(MinHashBanding.CandidateProbability(threshold / 3, banding.Rows, banding.Bands) < 0.5);
    }

    internal static string RandomPost(Random random)
    {
        string[] words = ["launch", "team", "coffee", "today", "new", "webinar", "guide", "tips", "release", "customers", "thanks", "berlin", "pricing", "design", "api", "update", "weekend", "story", "photos", "event"];
        return string.Join(' ', Enumerable.Range(0, random.Next(6, 20)).Select(_ => words[random.Next(words.Length)] + random.Next(200)));
    }
}
