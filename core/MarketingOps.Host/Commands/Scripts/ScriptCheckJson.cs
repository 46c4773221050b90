namespace MarketingOps.Host.Commands.Scripts;

/// <summary><c>mops script check --json</c>: whether the script would run, and why not.</summary>
/// <param name="File">The script, as the text output names it.</param>
/// <param name="Ok">No errors: the script compiles and stays within the policy.</param>
/// <param name="Errors">How many diagnostics are errors.</param>
/// <param name="Warnings">How many are warnings.</param>
/// <param name="Diagnostics">Each problem, in the order the compiler and the policy found them.</param>
internal sealed record ScriptCheckJson(string File, bool Ok, int Errors, int Warnings, IReadOnlyList<ScriptDiagnosticJson> Diagnostics);
