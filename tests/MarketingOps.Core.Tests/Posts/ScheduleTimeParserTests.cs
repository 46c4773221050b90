using MarketingOps.Core.Posts;

namespace MarketingOps.Core.Tests.Posts;

public sealed class ScheduleTimeParserTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("2026-03-29T09:30:00+02:00", "2026-03-29T07:30:00Z")]
    [InlineData("2026-03-29T09:30:00Z", "2026-03-29T09:30:00Z")]
    [InlineData("2026-03-29T09:30-05:00", "2026-03-29T14:30:00Z")]
    [InlineData("2026-03-29 09:30:00+0100", "2026-03-29T08:30:00Z")]
    public void An_explicit_offset_wins_over_the_zone(string text, string expectedUtc)
    {
        var parsed = ScheduleTimeParser.Parse(text, NewYork);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), parsed.Utc);
        Assert.Equal(TimeSpan.Zero, parsed.Utc.Offset);
        Assert.Null(parsed.Note);
    }

    [Theory]
    [InlineData("2026-01-15 09:30", "2026-01-15T08:30:00Z")] // CET, +01:00
    [InlineData("2026-07-15T09:30", "2026-07-15T07:30:00Z")] // CEST, +02:00
    [InlineData("2026-03-29 03:00", "2026-03-29T01:00:00Z")] // first valid minute after the spring gap
    [InlineData("2026-03-29 01:59", "2026-03-29T00:59:00Z")] // last minute before it
    public void A_local_time_is_read_in_the_zone_with_its_DST_offset(string text, string expectedUtc)
    {
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), ScheduleTimeParser.Parse(text, Berlin).Utc);
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-29 02:30", "02:00", "03:00")]
    [InlineData("America/New_York", "2026-03-08 02:15", "02:00", "03:00")]
    public void A_local_time_in_the_spring_gap_does_not_exist_and_is_refused_with_the_next_valid_time(string zone, string text, string gapStart, string gapEnd)
    {
        var ex = Assert.Throws<PostRequestException>(() => ScheduleTimeParser.Parse(text, TimeZoneInfo.FindSystemTimeZoneById(zone)));
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains(zone, ex.Message, StringComparison.Ordinal);
        Assert.Contains(gapEnd, ex.Message, StringComparison.Ordinal);
        Assert.Contains(TimeOnly.Parse(gapStart, System.Globalization.CultureInfo.InvariantCulture).AddMinutes(-1).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_time_in_the_autumn_overlap_takes_the_first_occurrence_and_says_so()
    {
        // 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET) on 2026-10-25.
        var parsed = ScheduleTimeParser.Parse("2026-10-25 02:30", Berlin);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), parsed.Utc);
        Assert.NotNull(parsed.Note);
        Assert.Contains("+01:00", parsed.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_second_occurrence_of_an_overlap_can_be_named_with_its_offset()
    {
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero), ScheduleTimeParser.Parse("2026-10-25T02:30:00+01:00", Berlin).Utc);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2026-03-29")]
    [InlineData("2026-13-01 10:00")]
    [InlineData("")]
    public void Anything_else_is_refused_with_the_expected_forms(string text)
    {
        var ex = Assert.Throws<PostRequestException>(() => ScheduleTimeParser.Parse(text, Berlin));
        Assert.Contains("2026-03-29", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_zone_is_named_in_the_error_which_names_no_option_so_each_caller_says_where_it_was_given()
    {
        var ex = Assert.Throws<PostRequestException>(() => ScheduleTimeParser.FindZone("Mars/Olympus"));
        Assert.StartsWith("'Mars/Olympus' is not a known IANA time zone", ex.Message, StringComparison.Ordinal);
    }
}
