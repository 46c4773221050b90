using MarketingOps.Scripting.Hosting;

namespace MarketingOps.Scripting.Tests.Support;

/// <summary>Posts a test adds, replaces and deletes between runs; only listing and finding are served.</summary>
internal sealed class EditablePosts : IScriptPosts
{
    private readonly Lock _gate = new();
    private readonly List<ScriptPost> _posts = [];

    public void Put(ScriptPost post)
    {
        lock (_gate)
        {
            var index = _posts.FindIndex(p => p.Id == post.Id);
            if (index < 0)
            {
                _posts.Add(post);
            }
            else
            {
                _posts[index] = post;
            }
        }
    }

    public void Delete(string id)
    {
        lock (_gate)
        {
            _posts.RemoveAll(p => p.Id == id);
        }
    }

    public IReadOnlyList<ScriptPost> List(ScriptPostQuery query, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return [.. _posts];
        }
    }

    public ScriptPost? Find(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _posts.Find(p => p.Id == id);
        }
    }

    public ScriptPost Schedule(ScriptPostRequest request, CancellationToken cancellationToken) => throw new NotSupportedException("Only reads in this test.");

    public bool Cancel(string id, CancellationToken cancellationToken) => throw new NotSupportedException("Only reads in this test.");
}
