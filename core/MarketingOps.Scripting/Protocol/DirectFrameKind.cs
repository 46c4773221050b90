namespace MarketingOps.Scripting.Protocol;

/// <summary>What a frame of the channel's own carries (see <see cref="DirectFrame"/>).</summary>
internal enum DirectFrameKind : byte
{
    /// <summary>Host → worker: a <see cref="RunCall"/>.</summary>
    Run = 1,

    /// <summary>Host → worker: the run with this id (a string) is cancelled.</summary>
    Cancel = 2,

    /// <summary>Worker → host: the <see cref="RunReply"/> of the run under way.</summary>
    Answer = 3,

    /// <summary>Worker → host: the run under way could not be served; the text says why.</summary>
    Failure = 4,
}
