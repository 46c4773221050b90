namespace MarketingOps.Scripting.Tests.Api;

public sealed class MetricSnapshotTests
{
    [Fact]
    public void Engagements_sum_the_counters_the_platform_reports_and_stay_null_when_it_reports_none()
    {
        var some = new MetricSnapshot("p", null, new Dictionary<string, long> { [Counter.Impressions] = 200, [Counter.Likes] = 6, [Counter.Replies] = 4 });
        var none = new MetricSnapshot("p", null, new Dictionary<string, long> { [Counter.Impressions] = 200 });

        Assert.Equal(10, some.Engagements);
        Assert.Equal(0.05, some.EngagementRate);
        Assert.Null(some.LinkClicks);
        Assert.Null(none.Engagements);
        Assert.Null(MetricSnapshot.None("p").EngagementRate);
    }
}
