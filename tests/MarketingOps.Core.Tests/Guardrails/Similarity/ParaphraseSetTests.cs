using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Similarity;

namespace MarketingOps.Core.Tests.Guardrails.Similarity;

public sealed class ParaphraseSetTests
{
    [Fact]
    public void Set_is_large_and_balanced_enough_to_choose_a_threshold()
    {
        Assert.True(ParaphraseSet.Pairs.Count >= 40);
        Assert.InRange(ParaphraseSet.Pairs.Count(p => p.IsNearDuplicate), 20, ParaphraseSet.Pairs.Count - 20);
    }

    [Fact]
    public void Default_threshold_has_high_precision_and_recall_on_the_labelled_set()
    {
        var threshold = new GuardrailOptions().NearDuplicateThreshold;
        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine("threshold  precision  recall  f1");
        foreach (var candidate in new[] { 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8 })
        {
            var score = Score(candidate);
            output.WriteLine($"{candidate,9:0.00}  {score.Precision,9:0.000}  {score.Recall,6:0.000}  {score.F1:0.000}{(candidate.Equals(threshold) ? "  <- default" : "")}");
        }

        foreach (var pair in ParaphraseSet.Pairs)
        {
            var similarity = ContentFingerprint.Create(pair.First).Similarity(ContentFingerprint.Create(pair.Second));
            var predicted = similarity >= threshold;
            if (predicted != pair.IsNearDuplicate)
            {
                output.WriteLine($"misclassified ({pair.Note}) J={similarity:0.000}: \"{pair.First}\" / \"{pair.Second}\"");
            }
        }

        var positives = ParaphraseSet.Pairs.Where(p => p.IsNearDuplicate).Select(Similarity).ToList();
        var negatives = ParaphraseSet.Pairs.Where(p => !p.IsNearDuplicate).Select(Similarity).ToList();
        output.WriteLine($"lowest similarity of a copy {positives.Min():0.000}, highest of a different post {negatives.Max():0.000}");

        var chosen = Score(threshold);
        output.WriteLine($"default {threshold:0.00}: precision {chosen.Precision:0.000}, recall {chosen.Recall:0.000} on {ParaphraseSet.Pairs.Count} pairs");
        Assert.True(chosen.Precision >= 0.95, $"precision {chosen.Precision:0.000}");
        Assert.True(chosen.Recall >= 0.9, $"recall {chosen.Recall:0.000}");
    }

    [Fact]
    public void Reworded_times_prices_and_numbers_are_found_and_the_original_set_keeps_full_precision()
    {
        var threshold = new GuardrailOptions().NearDuplicateThreshold;
        foreach (var pair in ParaphraseSet.Quantities)
        {
            Assert.True(Similarity(pair) >= threshold == pair.IsNearDuplicate, $"{pair.Note} J={Similarity(pair):0.000}: \"{pair.First}\" / \"{pair.Second}\"");
        }

        Assert.All(ParaphraseSet.Original.Where(p => !p.IsNearDuplicate), pair => Assert.True(Similarity(pair) < threshold, $"\"{pair.First}\" / \"{pair.Second}\""));
    }

    [Fact]
    public void Index_finds_every_labelled_copy_the_exact_comparison_finds()
    {
        // LSH is only a shortcut: through the index, recall must equal the exact comparison's.
        var threshold = new GuardrailOptions().NearDuplicateThreshold;
        foreach (var pair in ParaphraseSet.Pairs)
        {
            var index = new NearDuplicateIndex(threshold);
            index.Add(ContentFingerprint.Create(pair.First));
            var results = new List<SimilarSlot>();
            var query = ContentFingerprint.Create(pair.Second);
            index.Query(query, threshold, _ => true, results);
            var exact = ContentFingerprint.Create(pair.First).Similarity(query) >= threshold;
            Assert.True(exact == (results.Count == 1), $"{pair.Note}: \"{pair.First}\" / \"{pair.Second}\"");
        }
    }

    private static double Similarity(LabelledPair pair) =>
        ContentFingerprint.Create(pair.First).Similarity(ContentFingerprint.Create(pair.Second));

    private static (double Precision, double Recall, double F1) Score(double threshold)
    {
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var pair in ParaphraseSet.Pairs)
        {
            var predicted = ContentFingerprint.Create(pair.First).Similarity(ContentFingerprint.Create(pair.Second)) >= threshold;
            if (predicted && pair.IsNearDuplicate)
            {
                truePositives++;
            }
            else if (predicted)
            {
                falsePositives++;
            }
            else if (pair.IsNearDuplicate)
            {
                falseNegatives++;
            }
        }

        var precision = truePositives + falsePositives == 0 ? 1 : (double)truePositives / (truePositives + falsePositives);
        var recall = truePositives + falseNegatives == 0 ? 1 : (double)truePositives / (truePositives + falseNegatives);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1);
    }
}
