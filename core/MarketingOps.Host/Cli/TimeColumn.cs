namespace MarketingOps.Host.Cli;

/// <summary>A column of times in a table: its header and how each cell is written.</summary>
/// <param name="Header">The column's header, naming the zone when all cells share one.</param>
/// <param name="Cell">Writes one instant of one account's row.</param>
internal sealed record TimeColumn(string Header, Func<DateTimeOffset, string?, string> Cell);
