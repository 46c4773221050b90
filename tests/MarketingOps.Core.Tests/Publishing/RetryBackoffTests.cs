using MarketingOps.Core.Publishing.Retries;

namespace MarketingOps.Core.Tests.Publishing;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(10);

    [Fact]
    public void Every_delay_is_positive_and_never_above_the_maximum()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var backoff = new RetryBackoff(() => seed);
            for (var failures = 1; failures <= 30; failures++)
            {
                Assert.InRange(backoff.DelayFor(failures, Base, Max), TimeSpan.Zero, Max);
            }
        }
    }

    [Fact]
    public void Delays_grow_exponentially_with_jitter()
    {
        static TimeSpan Median(int failures)
        {
            var delays = Enumerable.Range(0, 101).Select(seed => new RetryBackoff(() => seed).DelayFor(failures, Base, TimeSpan.FromDays(1))).Order().ToList();
            return delays[50];
        }

        var medians = Enumerable.Range(1, 6).Select(Median).ToList();
        Assert.True(medians.Zip(medians.Skip(1)).All(p => p.Second > p.First), string.Join(", ", medians));
        Assert.True(medians[5] > medians[0] * 8, string.Join(", ", medians));

        // Jitter: different seeds give different delays for the same failure count.
        var spread = Enumerable.Range(0, 20).Select(seed => new RetryBackoff(() => seed).DelayFor(3, Base, Max)).Distinct().Count();
        Assert.True(spread > 10);
    }

    [Fact]
    public void The_first_retry_is_near_the_base_delay()
    {
        var firsts = Enumerable.Range(0, 200).Select(seed => new RetryBackoff(() => seed).DelayFor(1, Base, Max)).ToList();
        Assert.InRange(firsts.Average(t => t.TotalSeconds), 5, 20);
    }

    [Fact]
    public void A_failure_count_below_one_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryBackoff().DelayFor(0, Base, Max));
    }
}
