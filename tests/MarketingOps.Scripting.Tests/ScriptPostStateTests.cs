using MarketingOps.Core.Posts;

namespace MarketingOps.Scripting.Tests;

/// <summary>
/// <see cref="ScriptPostState"/> mirrors the engine's <see cref="PostState"/>: the engine maps one to the other by name
/// and the worker channel carries the number, so both have to match.
/// </summary>
public sealed class ScriptPostStateTests
{
    [Fact]
    public void Every_engine_state_has_a_script_state_of_the_same_name_and_value_and_no_other()
    {
        var engine = Enum.GetValues<PostState>().Select(s => (s.ToString(), (int)s));
        var script = Enum.GetValues<ScriptPostState>().Select(s => (s.ToString(), (int)s));

        Assert.Equal(engine, script);
    }
}
