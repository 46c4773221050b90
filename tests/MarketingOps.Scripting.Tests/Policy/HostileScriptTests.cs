using MarketingOps.Scripting.Compilation;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Tests.Support;

namespace MarketingOps.Scripting.Tests.Policy;

/// <summary>Scripts that try to leave the sandbox; each must be refused at the offending line before anything runs.</summary>
public sealed class HostileScriptTests
{
    private const string Api = ScriptDiagnosticIds.ApiNotAllowed;
    private const string Feature = ScriptDiagnosticIds.FeatureNotAllowed;

    public static TheoryData<string, string, string, int> Hostile => new()
    {
        // Files, by every spelling.
        { "file", "var s = System.IO.File.ReadAllText(\"/etc/passwd\");", Api, 1 },
        { "file via using", "using System.IO;\nvar d = new DirectoryInfo(\"/\").GetFiles();", Api, 2 },
        { "file via alias", "using IO = System.IO;\nvar t = IO.File.ReadAllText(\"x\");", Api, 2 },
        { "file fully qualified", "var e = global::System.IO.File.Exists(\"x\");", Api, 1 },
        { "file as a generic argument", "var list = new List<System.IO.FileInfo>();", Api, 1 },
        { "file via default", "var f = default(System.IO.FileInfo);", Api, 1 },
        { "file in a lambda", "Func<string> f = () => System.IO.Directory.GetCurrentDirectory();", Api, 1 },
        { "file by subclassing", "class Leak : System.IO.MemoryStream { }", Api, 1 },
        { "nameof trick", "var n = nameof(System.IO.File);", Api, 1 },
        // Processes and the environment.
        { "process", "System.Diagnostics.Process.Start(\"sh\", \"-c 'rm -rf /'\");", Api, 1 },
        { "environment variable", "var home = Environment.GetEnvironmentVariable(\"HOME\");", Api, 1 },
        { "environment exit", "Environment.Exit(1);", Api, 1 },
        { "nameof environment", "var n = nameof(Environment.Exit);", Api, 1 },
        // Reflection and loading code.
        { "typeof reflection", "var m = typeof(string).GetMethod(\"Concat\");", Api, 1 },
        { "Type.GetType", "var t = Type.GetType(\"System.IO.File\");", Api, 1 },
        { "GetType on a global", "var t = Posts.GetType();", Api, 1 },
        { "GetType on the logger", "var t = Log.GetType().Assembly;", Api, 1 },
        { "typeof(X).Assembly", "var a = typeof(ScriptGlobals).Assembly;", Api, 1 },
        { "Activator", "var o = Activator.CreateInstance<List<int>>();", Api, 1 },
        { "AppDomain", "var all = AppDomain.CurrentDomain.GetAssemblies();", Api, 1 },
        { "Assembly.Load", "var a = System.Reflection.Assembly.Load(\"System.Net.Http\");", Api, 1 },
        { "AssemblyLoadContext", "var c = new System.Runtime.Loader.AssemblyLoadContext(\"x\");", Api, 1 },
        { "Delegate.Method", "Func<int> f = () => 1;\nvar m = f.Method;", Api, 2 },
        { "Exception.TargetSite", "try { throw new Exception(); }\ncatch (Exception e) { var m = e.TargetSite; }", Api, 2 },
        { "expression trees", "System.Linq.Expressions.Expression<Func<int>> e = () => 1;", Api, 1 },
        { "dynamic", "dynamic d = Posts;\nd.Schedule(\"brand\", \"x\", Now);", Feature, 1 },
        // Network.
        { "HttpClient", "var c = new System.Net.Http.HttpClient();", Api, 1 },
        { "sockets", "using System.Net.Sockets;\nvar s = new Socket(SocketType.Stream, ProtocolType.Tcp);", Api, 2 },
        // Unsafe code and interop.
        { "unsafe block", "unsafe { int x = 1; int* p = &x; }", Feature, 1 },
        { "stackalloc", "Span<int> s = stackalloc int[1000];", Feature, 1 },
        { "DllImport", "[System.Runtime.InteropServices.DllImport(\"libc\")]\nstatic extern int getpid();", Api, 1 },
        { "extern", "static extern int getpid();", Feature, 1 },
        { "Marshal", "var p = System.Runtime.InteropServices.Marshal.AllocHGlobal(10);", Api, 1 },
        { "__makeref", "int i = 0;\nvar r = __makeref(i);", Feature, 2 },
        { "native int", "nint handle = 0;", Api, 1 },
        // Threads, timers, blocking, process-wide state.
        { "GC", "GC.Collect();", Api, 1 },
        { "Console", "Console.WriteLine(\"x\");", Api, 1 },
        { "Thread", "new System.Threading.Thread(() => { }).Start();", Api, 1 },
        { "Thread.Sleep", "System.Threading.Thread.Sleep(1000);", Api, 1 },
        { "Timer", "var t = new System.Threading.Timer(_ => { }, null, 0, 1);", Api, 1 },
        { "ThreadPool", "System.Threading.ThreadPool.QueueUserWorkItem(_ => { });", Api, 1 },
        { "TimeProvider timer", "var t = Clock.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromSeconds(1));", Api, 1 },
        { "Task.Run", "var r = await Task.Run(() => 1);", Api, 1 },
        { "Task.Delay without token", "await Task.Delay(1000);", Api, 1 },
        { "blocking Wait", "Delay(TimeSpan.FromSeconds(1)).Wait();", Api, 1 },
        { "blocking Result", "var r = Task.FromResult(1).Result;", Api, 1 },
        { "Parallel", "System.Threading.Tasks.Parallel.For(0, 10, i => { });", Api, 1 },
        { "PLINQ", "var s = Enumerable.Range(0, 10).AsParallel().Sum();", Api, 1 },
        { "TaskCompletionSource", "var t = new TaskCompletionSource<int>();", Api, 1 },
        { "BlockingCollection", "var q = new System.Collections.Concurrent.BlockingCollection<int>();", Api, 1 },
        { "token callback", "CancellationToken.Register(() => { });", Api, 1 },
        { "culture for the whole process", "System.Globalization.CultureInfo.DefaultThreadCurrentCulture = null;", Api, 1 },
        { "regex cache for the whole process", "System.Text.RegularExpressions.Regex.CacheSize = 0;", Api, 1 },
        { "weak reference", "var w = new WeakReference(1);", Api, 1 },
        { "async void", "async void Fire() { await Delay(TimeSpan.Zero); }", Feature, 1 },
        { "async void lambda", "Action a = async () => await Delay(TimeSpan.Zero);", Feature, 1 },
        { "finalizer", "class C { ~C() { } }", Feature, 1 },
        // State that would outlive the run in a script kept loaded.
        { "static field", "class Counter\n{\n    public static int Runs;\n}", Feature, 3 },
        { "static auto-property", "class Memo { public static List<string> Seen { get; } = []; }", Feature, 1 },
        { "top-level static field", "static int total = 0;", Feature, 1 },
        // The host's own plumbing.
        { "the budget", "MarketingOps.Scripting.ScriptBudget b = null;", Api, 1 },
        { "the reserved holder", "__MopsBudget.Current = null;", Feature, 1 },
        { "host interfaces", "MarketingOps.Scripting.Hosting.IScriptPosts p = null;", Api, 1 },
        { "wall clock", "var now = DateTime.Now;", Api, 1 },
        // State the whole process shares, and waits nothing can stop (issue 11).
        { "field keyword in a static property", "static class Memo { public static List<string> Seen { get => field ??= new(); } }", Feature, 1 },
        { "string.Intern", "var s = string.Intern(new string('x', 1000));", Api, 1 },
        { "string.IsInterned", "var s = string.IsInterned(\"x\");", Api, 1 },
        { "TimeProvider.System", "var now = TimeProvider.System.GetUtcNow();", Api, 1 },
        { "Guid.CreateVersion7 from the wall clock", "var id = Guid.CreateVersion7();", Api, 1 },
        { "CultureInfo.ClearCachedData", "System.Globalization.CultureInfo.CurrentCulture.ClearCachedData();", Api, 1 },
        { "JsonValue.Create of object", "var v = System.Text.Json.Nodes.JsonValue.Create<object>(new object());", Api, 1 },
        { "lock", "var gate = new object();\nlock (gate) { }", Feature, 2 },
        { "Regex.InfiniteMatchTimeout", "var r = new System.Text.RegularExpressions.Regex(\"a\", System.Text.RegularExpressions.RegexOptions.None, System.Text.RegularExpressions.Regex.InfiniteMatchTimeout);", Api, 1 },
        { "Task.Delay with CancellationToken.None", "await Task.Delay(TimeSpan.FromDays(1), CancellationToken.None);", Api, 1 },
        { "Task.Delay with a default token", "await Task.Delay(TimeSpan.FromDays(1), default);", Api, 1 },
        { "Task.Delay with a token source of its own", "await Task.Delay(TimeSpan.FromDays(1), new System.Threading.CancellationTokenSource().Token);", Api, 1 },
        { "a linked token source linked to nothing", "var cts = System.Threading.CancellationTokenSource.CreateLinkedTokenSource();\nawait Task.Delay(TimeSpan.FromDays(1), cts.Token);", Api, 1 },
        { "a new empty token", "var t = new System.Threading.CancellationToken();", Api, 1 },
        // Empty tokens handed out by a collection or a field (second red team): each waits past every cancellation.
        { "a token a dictionary does not hold", "var d = new Dictionary<int, System.Threading.CancellationToken>();\nawait Task.Delay(TimeSpan.FromDays(1), d.GetValueOrDefault(1));", Api, 2 },
        { "a token from a new array", "var a = new System.Threading.CancellationToken[1];\nawait Task.Delay(TimeSpan.FromDays(1), a[0]);", Api, 2 },
        { "a token from a nullable", "System.Threading.CancellationToken? n = null;\nawait Task.Delay(TimeSpan.FromDays(1), n.GetValueOrDefault());", Api, 2 },
        { "a token from a list's FirstOrDefault", "await Task.Delay(TimeSpan.FromDays(1), new List<System.Threading.CancellationToken>().FirstOrDefault());", Api, 1 },
        { "a script-level token read before it is set", "System.Threading.CancellationToken t;\nasync Task F() => await Task.Delay(TimeSpan.FromDays(1), t);\nawait F();", Api, 1 },
        { "a struct's token field never set", "struct S { public System.Threading.CancellationToken T; }\nawait Task.Delay(TimeSpan.FromDays(1), new S().T);", Api, 1 },
        { "a record's token", "record R(System.Threading.CancellationToken Token);", Api, 1 },
        // Caches that would keep every script loaded for the life of the host.
        { "JsonSerializer", "var s = System.Text.Json.JsonSerializer.Serialize(1);", Api, 1 },
        { "JSON generics over a script type", "record R(int X);\nvar v = System.Text.Json.Nodes.JsonValue.Create(new R(1));", Api, 2 },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Hostile_script_is_refused_at_the_offending_line(string name, string source, string expectedId, int expectedLine)
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("hostile.csx", source + "\n");

        var diagnostics = await TestWorkers.Runner.CheckAsync(file, TestContext.Current.CancellationToken);

        Assert.True(
            diagnostics.Any(d => d.IsError && d.Id == expectedId && d.Line == expectedLine),
            $"{name}: expected {expectedId} on line {expectedLine}, got:\n{string.Join("\n", diagnostics)}");
    }

    [Fact]
    public void There_are_at_least_fifteen_hostile_scripts()
        => Assert.True(Hostile.Count >= 15);

    [Fact]
    public async Task A_refused_script_does_not_run_even_its_harmless_first_line()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("hostile.csx", """
            Posts.Schedule("brand", "posted before the attack", Now.AddHours(1));
            var passwords = System.IO.File.ReadAllText("/etc/shadow");
            """);
        var host = new TestHost();

        var result = await host.RunAsync(file);

        Assert.Equal(ScriptOutcome.Refused, result.Outcome);
        var violation = Assert.Single(result.Diagnostics);
        Assert.Equal($"{file}(2,17): error MOPS001: 'System.IO.File.ReadAllText(string)' is not allowed in scripts: scripts cannot reach files.", violation.ToString());
        Assert.Empty(host.Host.Posts.List(new Hosting.ScriptPostQuery(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_violation_in_a_loaded_file_is_reported_in_that_file()
    {
        using var folder = new ScriptFolder();
        var lib = folder.Write("lib/net.csx", "\n\nvar c = new System.Net.Http.HttpClient();\n");
        var main = folder.Write("main.csx", "#load \"lib/net.csx\"\nPrint(1);\n");

        var diagnostics = await TestWorkers.Runner.CheckAsync(main, TestContext.Current.CancellationToken);

        var error = Assert.Single(diagnostics, d => d.IsError);
        Assert.Equal((lib, 3, Api), (error.File, error.Line, error.Id));
        Assert.Contains("network", error.Message, StringComparison.Ordinal);
    }
}
