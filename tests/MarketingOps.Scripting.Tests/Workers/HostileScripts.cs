using MarketingOps.Scripting.Running;

namespace MarketingOps.Scripting.Tests.Workers;

/// <summary>
/// Scripts that pass the policy and then attack the process they run in. In process, each of the stack overflows here
/// killed the host (exit 134); in a worker, each must end its own run with a clear error and leave the host running.
/// The host test project runs a selection of them under <c>mops script run</c> and <c>mops run</c>.
/// </summary>
public static class HostileScripts
{
    public const string TupleToString = """
        object nested = 1;
        for (var i = 0; i < 500_000; i++) { nested = Tuple.Create(nested, i); }
        Print(nested.ToString().Length);
        """;

    public const string TupleHashCode = """
        object nested = 1;
        for (var i = 0; i < 500_000; i++) { nested = Tuple.Create(nested, i); }
        nested.GetHashCode()
        """;

    public const string SelectChain = """
        IEnumerable<int> numbers = new[] { -1 };
        for (var i = 0; i < 300_000; i++) { numbers = numbers.Select(Math.Abs); }
        numbers.Sum()
        """;

    public const string ExceptionChain = """
        var error = new Exception("root");
        for (var i = 0; i < 300_000; i++) { error = new Exception("wrapped", error); }
        error.ToString().Length
        """;

    public const string RecursiveFieldInitializer = """
        class Node { Node next = new Node(); }
        new Node()
        """;

    public const string RecursiveConstructorInitializer = """
        class Node { public Node() : this(new Node()) { } Node(Node next) { } }
        new Node()
        """;

    public const string RecursivePrimaryConstructorBase = """
        class Link(object next) { }
        class Chain() : Link(new Chain()) { }
        new Chain()
        """;

    public const string SelfReferencingRecordHash = """
        record Node { public Node Next; }
        var node = new Node();
        node.Next = node;
        node.GetHashCode()
        """;

    public const string ReturnValueToString = """
        object nested = 1;
        for (var i = 0; i < 500_000; i++) { nested = Tuple.Create(nested, i); }
        nested
        """;

    public const string PrintedToString = """
        object nested = 1;
        for (var i = 0; i < 500_000; i++) { nested = Tuple.Create(nested, i); }
        Print(nested);
        """;

    public const string LoggedToString = """
        object nested = 1;
        for (var i = 0; i < 500_000; i++) { nested = Tuple.Create(nested, i); }
        Log.LogInformation("The value is {Value}", nested);
        """;

    public const string HugeStructLocal = """
        struct B0 { public long A, B, C, D; }
        struct B1 { public B0 A, B; }
        struct B2 { public B1 A, B; }
        struct B3 { public B2 A, B; }
        struct B4 { public B3 A, B; }
        struct B5 { public B4 A, B; }
        struct B6 { public B5 A, B; }
        struct B7 { public B6 A, B; }
        struct B8 { public B7 A, B; }
        struct B9 { public B8 A, B; }
        struct B10 { public B9 A, B; }
        struct B11 { public B10 A, B; }
        struct B12 { public B11 A, B; }
        struct B13 { public B12 A, B; }
        struct B14 { public B13 A, B; }
        struct B15 { public B14 A, B; }
        struct B16 { public B15 A, B; }
        struct B17 { public B16 A, B; }
        struct B18 { public B17 A, B; }
        struct B19 { public B18 A, B; }
        struct B20 { public B19 A, B; }
        long Touch() { var big = new B20(); big.B.B.B.B.B.B.B.B.B.B.B.B.B.B.B.B.B.B.B.B.D = 1; return big.B.B.B.B.B.B.B.B.B.B.B.B.B.B.B.B.B.B.B.B.D; }
        Touch()
        """;

    public const string LazyDeadlock = """
        var started = 0;
        Lazy<int> first = null, second = null;
        first = new Lazy<int>(() => { System.Threading.Interlocked.Increment(ref started); while (System.Threading.Interlocked.CompareExchange(ref started, 0, 0) < 2) { } return second.Value; });
        second = new Lazy<int>(() => { System.Threading.Interlocked.Increment(ref started); while (System.Threading.Interlocked.CompareExchange(ref started, 0, 0) < 2) { } return first.Value; });
        async Task<int> Get(Lazy<int> lazy) { await Task.Yield(); return lazy.Value; }
        (await Task.WhenAll(Get(first), Get(second))).Sum()
        """;

    public const string CatastrophicRegex = """
        System.Text.RegularExpressions.Regex.IsMatch(new string('a', 64) + "!", "^(a+)+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromHours(1))
        """;

    public const string LoopInsideRuntimeCode = """
        Enumerable.Repeat(-1, int.MaxValue).Select(Math.Abs).Select(Math.Abs).LongCount()
        """;

    public const string MemoryBomb = """
        var hoard = new List<string>();
        while (true) { hoard.Add(new string('x', 20_000_000)); }
        """;

    public const string MemoryBombThatCatches = """
        var hoard = new List<byte[]>();
        while (true) { try { hoard.Add(new byte[50_000_000]); } catch { } }
        """;

    public const string OutputFlood = """
        while (true) { Print(new string('x', 10_000)); }
        """;

    public const string LogFlood = """
        var line = new string('y', 4_000);
        while (true) { Log.LogInformation(line); }
        """;

    public const string TaskFanOut = """
        async Task Forever() { while (true) { await Task.Yield(); } }
        var tasks = new List<Task>();
        for (var i = 0; i < 100_000; i++) { tasks.Add(Forever()); }
        await Task.WhenAll(tasks);
        """;

    public const string CallFanOut = """
        async Task<int> Count() { await Task.Yield(); return Posts.List().Count; }
        var calls = new List<Task<int>>();
        for (var i = 0; i < 20_000; i++) { calls.Add(Count()); }
        (await Task.WhenAll(calls)).Sum()
        """;

    public const string EndlessRoundsHandedToTheApi = """
        class Endless : IReadOnlyList<string>
        {
            public int Count => int.MaxValue;
            public string this[int index] => "wording " + index;
            public IEnumerator<string> GetEnumerator() { for (var i = 0; ; i++) { yield return "wording " + i; } }
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }

        Experiments.Define("endless")
            .Variant(new ExperimentVariant("A", "a") { Rounds = new Endless() })
            .Variant("B", "b")
            .On("brand")
            .Metric(ExperimentMetric.LinkClickRate)
            .Start();
        """;

    public const string EndlessPostsHandedToTheApi = """
        IEnumerable<ScriptPost> Endless() { for (var i = 0; ; i++) { yield return new ScriptPost("p" + i, "brand", "x", null, ScriptPostState.Draft); } }
        Metrics.For(Endless()).Count
        """;

    public const string ExceptionWithHostileMessage = """
        class Sneaky : Exception { public override string Message => Message; public override string StackTrace => StackTrace; }
        throw new Sneaky();
        """;

    /// <summary>Each attack, how its run may end (<c>ScriptOutcome</c> names), and a word its error must contain.</summary>
    public static TheoryData<string, string, string[], string> Runtime => new()
    {
        { "stack overflow in a tuple's ToString", TupleToString, [nameof(ScriptOutcome.Crashed)], "overflowed the stack" },
        { "stack overflow in a tuple's GetHashCode", TupleHashCode, [nameof(ScriptOutcome.Crashed)], "overflowed the stack" },
        { "stack overflow in a 300,000-deep Select chain", SelectChain, [nameof(ScriptOutcome.Crashed)], "overflowed the stack" },
        { "stack overflow in a 300,000-deep exception chain", ExceptionChain, [nameof(ScriptOutcome.Crashed)], "overflowed the stack" },
        { "a recursive field initialiser", RecursiveFieldInitializer, [nameof(ScriptOutcome.Failed)], "recursed too deeply" },
        { "a constructor recursing through its initializer", RecursiveConstructorInitializer, [nameof(ScriptOutcome.Failed)], "recursed too deeply" },
        { "a constructor recursing through a primary constructor's base", RecursivePrimaryConstructorBase, [nameof(ScriptOutcome.Failed)], "recursed too deeply" },
        { "a self-referencing record's hash", SelfReferencingRecordHash, [nameof(ScriptOutcome.Crashed)], "overflowed the stack" },
        { "the host's ToString of the script's return value", ReturnValueToString, [nameof(ScriptOutcome.Crashed)], "overflowed the stack" },
        { "a ToString handed to Print", PrintedToString, [nameof(ScriptOutcome.Crashed)], "overflowed the stack" },
        { "a ToString handed to Log", LoggedToString, [nameof(ScriptOutcome.Crashed)], "overflowed the stack" },
        { "a 32 MB struct local", HugeStructLocal, [nameof(ScriptOutcome.Crashed), nameof(ScriptOutcome.Failed)], "" },
        { "a deadlock between two Lazy values", LazyDeadlock, [nameof(ScriptOutcome.TimedOut)], "killed its worker" },
        { "a regex that backtracks for an hour", CatastrophicRegex, [nameof(ScriptOutcome.TimedOut)], "killed its worker" },
        { "an endless loop inside runtime code", LoopInsideRuntimeCode, [nameof(ScriptOutcome.TimedOut)], "killed its worker" },
        { "a memory bomb", MemoryBomb, [nameof(ScriptOutcome.Failed), nameof(ScriptOutcome.Crashed)], "memory" },
        { "a memory bomb that catches OutOfMemoryException", MemoryBombThatCatches, [nameof(ScriptOutcome.TimedOut), nameof(ScriptOutcome.Crashed)], "" },
        { "a flood of output", OutputFlood, [nameof(ScriptOutcome.TimedOut)], "timeout" },
        { "a flood of log lines", LogFlood, [nameof(ScriptOutcome.Crashed), nameof(ScriptOutcome.TimedOut)], "" },
        { "a fan-out of 100,000 endless tasks", TaskFanOut, [nameof(ScriptOutcome.TimedOut)], "timeout" },
        { "a fan-out of 20,000 calls to the host", CallFanOut, [nameof(ScriptOutcome.Completed), nameof(ScriptOutcome.TimedOut)], "" },
        { "an endless list handed to Experiments", EndlessRoundsHandedToTheApi, [nameof(ScriptOutcome.TimedOut), nameof(ScriptOutcome.Failed), nameof(ScriptOutcome.Crashed)], "" },
        { "an endless sequence handed to Metrics", EndlessPostsHandedToTheApi, [nameof(ScriptOutcome.TimedOut), nameof(ScriptOutcome.Failed), nameof(ScriptOutcome.Crashed)], "" },
        { "an exception whose Message recurses", ExceptionWithHostileMessage, [nameof(ScriptOutcome.Failed), nameof(ScriptOutcome.Crashed), nameof(ScriptOutcome.TimedOut)], "" },
    };
}
