namespace MarketingOps.Scripting.Compilation;

/// <summary>Our diagnostic ids; docs/scripting.md lists them.</summary>
internal static class ScriptDiagnosticIds
{
    /// <summary>An API outside the allowlist.</summary>
    public const string ApiNotAllowed = "MOPS001";

    /// <summary>A language feature scripts may not use (unsafe, dynamic, async void, finalizers, reserved names).</summary>
    public const string FeatureNotAllowed = "MOPS002";

    /// <summary>A <c>#r</c> directive.</summary>
    public const string ReferenceNotAllowed = "MOPS003";

    /// <summary>A <c>#load</c> of a file that is not a <c>.csx</c> script, of the client's secrets, data or configuration, outside the script's folder tree, or of a file that does not exist.</summary>
    public const string LoadNotAllowed = "MOPS004";

    /// <summary>The script file itself cannot be read.</summary>
    public const string FileNotFound = "MOPS005";

    /// <summary>The script file is not a <c>.csx</c> file, or is in the client folder's secrets, data or configuration; it is not read.</summary>
    public const string FileNotAllowed = "MOPS007";

    /// <summary>Compiling the script passed a compile limit (processor time, wall time, memory, nesting depth); its worker was replaced.</summary>
    public const string CompileLimit = "MOPS006";

    /// <summary>An unhandled exception while the script ran.</summary>
    public const string RuntimeError = "MOPS100";

    /// <summary>The script ran past its timeout and was stopped.</summary>
    public const string TimedOut = "MOPS101";

    /// <summary>The run was cancelled from outside (the host is stopping).</summary>
    public const string Cancelled = "MOPS102";

    /// <summary>The worker process running the script died (stack overflow, out of memory, a flood); the host carried on.</summary>
    public const string WorkerDied = "MOPS104";

    /// <summary>A warning: the run printed and logged more than its output cap; the rest of its output was dropped.</summary>
    public const string OutputCut = "MOPS105";

    /// <summary>A warning: the script's value was longer than a run returns; it was cut, ending in …, and this says how long it was.</summary>
    public const string ValueCut = "MOPS106";

    /// <summary>A bug on our side (instrumentation produced code that does not compile).</summary>
    public const string Internal = "MOPS900";
}
