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

    /// <summary>A <c>#load</c> outside the script's folder tree, or of a file that does not exist.</summary>
    public const string LoadNotAllowed = "MOPS004";

    /// <summary>The script file itself cannot be read.</summary>
    public const string FileNotFound = "MOPS005";

    /// <summary>An unhandled exception while the script ran.</summary>
    public const string RuntimeError = "MOPS100";

    /// <summary>The script ran past its timeout and was stopped.</summary>
    public const string TimedOut = "MOPS101";

    /// <summary>The run was cancelled from outside (the host is stopping).</summary>
    public const string Cancelled = "MOPS102";

    /// <summary>The script ignored cancellation and was abandoned; its thread may still be busy.</summary>
    public const string Abandoned = "MOPS103";

    /// <summary>A bug on our side (instrumentation produced code that does not compile).</summary>
    public const string Internal = "MOPS900";
}
