// Shared helpers for the example scripts: #load "lib/slots.csx".

// The next weekday morning slot (Tuesday to Thursday, 09:30 local) on the account, after the given instant.
DateTimeOffset NextMorningSlot(ScriptAccount account, DateTimeOffset after)
{
    var candidates = new[] { DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday }
        .Select(day => account.Next(day, new TimeOnly(9, 30), after));
    return candidates.Min();
}

// A rate as a percentage with one decimal, or a dash without data.
string Percent(double? rate) => rate is { } r ? r.ToString("P1", System.Globalization.CultureInfo.InvariantCulture) : "–";
