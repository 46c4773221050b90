namespace MarketingOps.Scripting.Tests.Api;

public sealed class ScriptAccountTests
{
    private static readonly ScriptAccount Berlin = new("brand", "sandbox", "Europe/Berlin");

    [Fact]
    public void At_reads_a_local_time_in_the_accounts_zone_across_daylight_saving()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero), Berlin.At(new DateOnly(2026, 1, 15), new TimeOnly(9, 0)));
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 7, 0, 0, TimeSpan.Zero), Berlin.At(new DateOnly(2026, 7, 15), new TimeOnly(9, 0)));
    }

    [Fact]
    public void A_local_time_skipped_by_the_spring_change_moves_forward()
    {
        // 2026-03-29 02:30 does not exist in Berlin; 03:00 CEST (01:00 UTC) is the first valid time after it.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), Berlin.At(new DateOnly(2026, 3, 29), new TimeOnly(2, 30)));
    }

    [Fact]
    public void Next_finds_the_coming_weekday_slot_and_skips_one_already_passed()
    {
        var mondayMorning = new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero); // 07:00 in Berlin
        var tuesdayAfternoon = new DateTimeOffset(2026, 3, 3, 14, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 8, 30, 0, TimeSpan.Zero), Berlin.Next(DayOfWeek.Tuesday, new TimeOnly(9, 30), mondayMorning));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 8, 30, 0, TimeSpan.Zero), Berlin.Next(DayOfWeek.Tuesday, new TimeOnly(9, 30), tuesdayAfternoon));
    }

    [Fact]
    public void LocalTime_shows_the_wall_clock_of_the_account()
        => Assert.Equal(new DateTime(2026, 7, 1, 14, 0, 0), Berlin.LocalTime(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero)).DateTime);
}
