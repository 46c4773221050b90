using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Tests.Support;

namespace MarketingOps.Scripting.Tests.Running;

public sealed class SmokeTests
{
    [Fact]
    public async Task A_script_schedules_a_post_and_returns_a_value()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("hello.csx", """
            var post = Posts.Schedule("brand", "Hello from a script", Now.AddHours(2));
            Print($"scheduled {post.Id}");
            for (var i = 0; i < 3; i++) { Log.LogInformation("tick {I}", i); }
            Func<int, int> twice = x => x * 2;
            int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);
            var q = from n in Enumerable.Range(0, 10) where n % 2 == 0 select n * n;
            $"{twice(21)} {Fib(10)} {q.Sum()}"
            """);
        var host = new TestHost();

        var result = await host.RunAsync(file);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("42 55 120", result.ReturnValue);
        Assert.Contains("scheduled post-1", host.Output.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, host.Log.Lines.Count);
    }
}
