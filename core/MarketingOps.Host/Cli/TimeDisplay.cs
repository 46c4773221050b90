using System.Globalization;
using MarketingOps.Core.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingOps.Host.Cli;

/// <summary>
/// Shows instants as a person reads them: in <c>--tz</c> or the account's zone, to the minute unless <c>--precise</c>.
/// Where one column mixes zones, each time carries its UTC offset.
/// </summary>
internal sealed class TimeDisplay(TimeZoneInfo? chosen, bool precise, Func<string, TimeZoneInfo?> zoneOfAccount)
{
    /// <summary>UTC to the minute: for output that has no settings (and tests).</summary>
    public static TimeDisplay Utc { get; } = new(TimeZoneInfo.Utc, precise: false, _ => null);

    /// <summary>The display a command's <c>--tz</c> and <c>--precise</c> ask for, else each account's zone from plugins.json.</summary>
    public static TimeDisplay Of(JsonSettings settings, IServiceProvider services)
    {
        var accounts = services.GetRequiredService<PluginManager>();
        return From(settings, a => accounts.FindAccount(a)?.TimeZone);
    }

    /// <summary>The display a command's <c>--tz</c> and <c>--precise</c> ask for, with each account's zone from <paramref name="zoneOfAccount"/>.</summary>
    public static TimeDisplay From(JsonSettings settings, Func<string, TimeZoneInfo?> zoneOfAccount) =>
        settings is TimeSettings { } time
            ? new(time.TimeZone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(time.TimeZone), time.Precise, zoneOfAccount)
            : new(null, precise: false, zoneOfAccount);

    /// <summary>The zone an account's times are shown in.</summary>
    public TimeZoneInfo ZoneOf(string? account) =>
        chosen ?? (account is null ? null : zoneOfAccount(account)) ?? TimeZoneInfo.Utc;

    /// <summary>The one zone all these accounts' times are shown in, or null when they differ.</summary>
    public TimeZoneInfo? CommonZone(IEnumerable<string?> accounts)
    {
        var zones = accounts.Select(ZoneOf).DistinctBy(z => z.Id).Take(2).ToList();
        return zones.Count switch
        {
            0 => chosen ?? TimeZoneInfo.Utc,
            1 => zones[0],
            _ => null,
        };
    }

    /// <summary>"2026-03-30 09:30 Europe/Berlin": a time standing alone.</summary>
    public string Labelled(DateTimeOffset instant, string? account)
    {
        var zone = ZoneOf(account);
        return $"{Local(instant, zone)} {zone.Id}";
    }

    /// <summary>A table column of times: "Due (Europe/Berlin)" over local times, or "Due" over times with offsets.</summary>
    public TimeColumn Column(string label, IEnumerable<string?> accounts)
    {
        var common = CommonZone(accounts);
        return common is null
            ? new TimeColumn(label, (at, account) => WithOffset(at, ZoneOf(account)))
            : new TimeColumn($"{label} ({common.Id})", (at, _) => Local(at, common));
    }

    private string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString(precise ? "yyyy-MM-dd HH:mm:ss.FFFFFFF" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private string WithOffset(DateTimeOffset instant, TimeZoneInfo zone) =>
        $"{Local(instant, zone)} {TimeZoneInfo.ConvertTime(instant, zone):zzz}";
}
