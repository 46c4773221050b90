namespace MarketingOps.Core.Experiments;

/// <summary>Names identify experiments in commands and reports; only a stopped experiment gives its name up.</summary>
internal static class ExperimentNames
{
    /// <summary>Why <paramref name="name"/> cannot be used, and what would free it.</summary>
    public static string Taken(string name, string id, ExperimentState state) => state is ExperimentState.Running or ExperimentState.Draft
        ? $"name: an experiment named '{name}' is running (id {id}); choose another name, or stop it first (`mops experiment stop {id}`): a stopped experiment's name can be used again."
        : $"name: an experiment named '{name}' is {state.ToString().ToLowerInvariant()} (id {id}) and keeps its name for its report; choose another name (only a stopped experiment's name can be used again).";
}
