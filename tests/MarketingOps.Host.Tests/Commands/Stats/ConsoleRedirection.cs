namespace MarketingOps.Host.Tests.Commands.Stats;

/// <summary>Tests that redirect the process-wide <see cref="Console"/> run alone.</summary>
[CollectionDefinition(nameof(ConsoleRedirection), DisableParallelization = true)]
public sealed class ConsoleRedirection;
