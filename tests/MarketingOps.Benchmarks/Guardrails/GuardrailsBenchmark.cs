using System.Diagnostics;
using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Similarity;
using MarketingOps.Sdk;
using Microsoft.Extensions.Options;

namespace MarketingOps.Benchmarks.Guardrails;

/// <summary>
/// Issue 7: one full guardrail check (every rule) against 100,000 stored messages of one account, p50/p99, and the
/// near-duplicate lookup against a linear scan of the same fingerprints measured in the same run.
/// </summary>
internal sealed class GuardrailsBenchmark : IBenchmark
{
    private const int Stored = 100_000;

    public string Name => "guardrails";

    public async Task RunAsync(bool quick, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var checks = quick ? 300 : 3000;
        var scans = quick ? 30 : 200;
        var now = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
        var clock = new FixedClock(now);
        var platform = new BenchmarkPlatform();
        var options = new GuardrailOptions { QuietHoursStart = null, QuietHoursEnd = null };
        using var pipeline = new GuardrailPipeline(platform, new InMemoryMessageHistory(), new InMemoryAudienceHistory(), new InMemoryGuardrailRejectionLog(), Options.Create(options), clock);

        // 100,000 messages spread over the 30-day window (so none is pruned), a tenth of them replies and messages.
        var posts = new SyntheticPosts(seed: 42);
        var texts = new string[Stored];
        var fingerprints = new ContentFingerprint[Stored];
        var load = Stopwatch.StartNew();
        for (var i = 0; i < Stored; i++)
        {
            texts[i] = posts.Next();
            fingerprints[i] = ContentFingerprint.Create(texts[i]);
            var at = now - TimeSpan.FromDays(29) + TimeSpan.FromSeconds(i * 25.0);
            var kind = (i % 10) switch { 0 => MessageKind.Reply, 1 => MessageKind.DirectMessage, _ => MessageKind.Post };
            var draft = new PostDraft(texts[i]) { Kind = kind, Recipient = kind == MessageKind.Post ? null : $"person{i % 5000}" };
            await pipeline.RecordAsync(new OutgoingMessage($"m{i}", "acme", draft, at, MessageOrigin.Hand), cancellationToken);
        }

        report.Add(Name, $"record {Stored:N0} messages (normalise + MinHash + index)", load.Elapsed.TotalSeconds, "s");
        report.Add(Name, "managed memory after loading", GC.GetTotalMemory(forceFullCollection: true) / 1048576.0, "MiB");

        // Queries: half new posts, a quarter reworded copies of stored posts, a quarter replies.
        var queries = new List<OutgoingMessage>();
        var random = new Random(7);
        for (var i = 0; i < checks; i++)
        {
            var draft = (i % 4) switch
            {
                0 or 1 => new PostDraft(posts.Next()),
                2 => new PostDraft(posts.Reword(texts[random.Next(Stored)])),
                _ => new PostDraft(posts.Next()) { Kind = MessageKind.Reply, Recipient = $"person{random.Next(5000)}" },
            };
            queries.Add(new OutgoingMessage($"q{i}", "acme", draft, now, MessageOrigin.Hand));
        }

        // Warm-up, untimed.
        foreach (var query in queries.Take(20))
        {
            await pipeline.ExplainAsync(query, cancellationToken);
        }

        var latencies = new List<double>(checks);
        var flagged = 0;
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        foreach (var query in queries)
        {
            var watch = Stopwatch.StartNew();
            var verdict = await pipeline.ExplainAsync(query, cancellationToken);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            flagged += verdict.Results.Any(r => r.Rule == "duplicate-content" && r.Outcome != GuardrailOutcome.Allow) ? 1 : 0;
        }

        var p50 = Percentile(latencies, 0.50);
        var p99 = Percentile(latencies, 0.99);
        report.Add(Name, "full check vs 100k stored, p50", p50, "ms", $"{checks} checks, every rule");
        report.Add(Name, "full check vs 100k stored, p99", p99, "ms", p99 < 10 ? "under the 10 ms budget" : "OVER the 10 ms budget");
        report.Add(Name, "garbage collections during the checks", GC.CollectionCount(0) - gen0, "gen0", $"{GC.CollectionCount(2) - gen2} gen2");
        report.Add(Name, "one-word rewordings at or above the threshold", 100.0 * flagged / (checks / 4), "%", "synthetic; short posts drop below it, see the labelled set for real precision/recall");

        // Baseline: the same near-duplicate question answered by exact Jaccard against every stored fingerprint.
        var index = new NearDuplicateIndex(options.NearDuplicateThreshold);
        foreach (var fingerprint in fingerprints)
        {
            index.Add(fingerprint);
        }

        var indexed = new List<double>();
        var linear = new List<double>();
        var results = new List<SimilarSlot>();
        for (var i = 0; i < scans; i++)
        {
            var query = ContentFingerprint.Create(queries[i].Draft.Text);
            var watch = Stopwatch.StartNew();
            results.Clear();
            index.Query(query, options.NearDuplicateThreshold, _ => true, results);
            indexed.Add(watch.Elapsed.TotalMilliseconds);

            watch.Restart();
            var found = 0;
            foreach (var fingerprint in fingerprints)
            {
                found += query.Similarity(fingerprint) >= options.NearDuplicateThreshold ? 1 : 0;
            }

            linear.Add(watch.Elapsed.TotalMilliseconds);
            if (found != results.Count)
            {
                report.Add(Name, "index missed a match the scan found", i, "query");
            }
        }

        report.Add(Name, "near-duplicate lookup, LSH index, p50", Percentile(indexed, 0.5), "ms");
        report.Add(Name, "near-duplicate lookup, linear scan, p50", Percentile(linear, 0.5), "ms", "baseline");
        report.Add(Name, "linear scan / index (p50)", Percentile(linear, 0.5) / Percentile(indexed, 0.5), "x");
        report.Add(Name, "linear scan p50 / full check p50", Percentile(linear, 0.5) / p50, "x", "the whole pipeline against only its lookup done naively");
    }

    private static double Percentile(List<double> values, double quantile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
