namespace MarketingOps.Scripting.Workers;

/// <summary>Which workers a run may have, from what is known of how long its script takes.</summary>
internal enum RunLane
{
    /// <summary>Known to finish quickly (or a run a person started): any worker, and one more when runs that grew long hold them all.</summary>
    Quick,

    /// <summary>Known to run long: shares <see cref="ScriptWorkerOptions.MaxWorkers"/> − 1 workers with <see cref="New"/> runs.</summary>
    Slow,

    /// <summary>
    /// A scheduled script with no record yet of finishing quickly: shares the slow runs' workers, or, when they are all
    /// taken, tries the last worker, one new script at a time.
    /// </summary>
    New,
}
