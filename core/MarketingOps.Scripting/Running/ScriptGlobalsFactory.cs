namespace MarketingOps.Scripting.Running;

/// <summary>Makes a run's globals once its cancellation token exists.</summary>
internal delegate ScriptGlobals ScriptGlobalsFactory(CancellationToken runToken);
