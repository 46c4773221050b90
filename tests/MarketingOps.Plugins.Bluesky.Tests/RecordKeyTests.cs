using System.Globalization;

namespace MarketingOps.Plugins.Bluesky.Tests;

public sealed class RecordKeyTests
{
    private static readonly DateTimeOffset First = DateTimeOffset.Parse("2026-11-26T08:00:00.123456Z", CultureInfo.InvariantCulture);

    [Fact]
    public void SameKeyAndSecond_GiveTheSameValidTid_WhateverTheSubSecondPrecision()
    {
        var a = RecordKey.FromIdempotencyKey("post-42", First);
        var b = RecordKey.FromIdempotencyKey("post-42", First.AddTicks(-First.Ticks % TimeSpan.TicksPerSecond));

        Assert.Equal(a, b);
        Assert.True(RecordKey.IsTid(a), a);
    }

    [Fact]
    public void DifferentKeys_GiveDifferentTids()
    {
        var keys = Enumerable.Range(0, 1000).Select(i => RecordKey.FromIdempotencyKey($"post-{i}", First)).ToHashSet();

        Assert.Equal(1000, keys.Count);
        Assert.All(keys, k => Assert.True(RecordKey.IsTid(k), k));
    }
}
