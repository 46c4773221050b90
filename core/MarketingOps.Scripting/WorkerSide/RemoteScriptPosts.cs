using System.Diagnostics;
using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.Protocol;

namespace MarketingOps.Scripting.WorkerSide;

/// <summary>The script's <c>Posts</c> inside a worker: each call is a copy of plain values to the host and back; lists come through the worker's cache.</summary>
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
internal sealed class RemoteScriptPosts(HostConnection host, WorkerValueCache cache) : IScriptPosts
{
    public ScriptPost Schedule(ScriptPostRequest request, CancellationToken cancellationToken) => host.Call<ScriptPost>(WorkerMethods.PostsSchedule, request);

    public IReadOnlyList<ScriptPost> List(ScriptPostQuery query, CancellationToken cancellationToken) => cache.Posts(host, query);

    public ScriptPost? Find(string id, CancellationToken cancellationToken) => host.Call<ScriptPost?>(WorkerMethods.PostsFind, id);

    public bool Cancel(string id, CancellationToken cancellationToken) => host.Call<bool>(WorkerMethods.PostsCancel, id);
}
