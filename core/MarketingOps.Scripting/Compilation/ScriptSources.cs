using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using MarketingOps.Scripting.Protocol;

namespace MarketingOps.Scripting.Compilation;

/// <summary>
/// A script and every file it <c>#load</c>s, each read once; every one is a <c>.csx</c> file outside the client's secrets,
/// data and configuration (<see cref="ScriptFileRule"/>), <c>#load</c> stays inside the main file's folder tree and <c>#r</c> is refused.
/// </summary>
internal sealed class ScriptSources
{
    /// <summary>The first line of the editor stub; such a file is skipped at run time.</summary>
    public const string EditorStubMarker = "// mops:editor-globals";

    private readonly Dictionary<string, ScriptSourceFile> _byPath;

    private readonly Lazy<SyntaxTree> _mainTree;

    private ScriptSources(string root, Func<SyntaxTree> mainTree, List<ScriptSourceFile> files, List<ScriptDiagnostic> diagnostics, HashSet<(string Path, TextSpan Span)> refusedDirectives)
    {
        Root = root;
        _mainTree = new Lazy<SyntaxTree>(mainTree);
        Files = files;
        Diagnostics = diagnostics;
        RefusedDirectives = refusedDirectives;
        _byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    /// <summary>The main file's folder; <c>#load</c> may reach only inside it.</summary>
    public string Root { get; }

    /// <summary>The main file, parsed when first needed (a run from the cache never needs it).</summary>
    public SyntaxTree MainTree => _mainTree.Value;

    /// <summary>The main file's full path.</summary>
    public string MainPath => Files[0].Path;

    /// <summary>The main file first, then every loaded file in the order it was found.</summary>
    public IReadOnlyList<ScriptSourceFile> Files { get; }

    /// <summary>Refused directives and unreadable files.</summary>
    public IReadOnlyList<ScriptDiagnostic> Diagnostics { get; }

    /// <summary>The main file is missing or may not be a script: there is nothing to compile.</summary>
    public bool NothingToCompile => Diagnostics.Any(d => d.Id is ScriptDiagnosticIds.FileNotFound or ScriptDiagnosticIds.FileNotAllowed);

    /// <summary>Directives we already reported; the compiler's own complaints about them are dropped.</summary>
    public IReadOnlySet<(string Path, TextSpan Span)> RefusedDirectives { get; }

    public bool TryGet(string path, out ScriptSourceFile file) => _byPath.TryGetValue(path, out file!);

    /// <summary>The files as a worker receives them: read and checked by the host, so the worker never touches the client's files.</summary>
    public IReadOnlyList<SourceFileMessage> ToMessages() => Files.Select(f => new SourceFileMessage(f.Path, f.Text.ToString(), f.IsEditorStub)).ToList();

    /// <summary>Where the refused directives are, for <see cref="FromMessages"/>.</summary>
    public IReadOnlyList<RefusedDirectiveMessage> RefusedDirectiveMessages() => RefusedDirectives.Select(r => new RefusedDirectiveMessage(r.Path, r.Span.Start, r.Span.Length)).ToList();

    /// <summary>The sources the host read and checked, rebuilt inside a worker from what it was sent.</summary>
    public static ScriptSources FromMessages(CompileCall call, CSharpParseOptions parseOptions)
    {
        ArgumentNullException.ThrowIfNull(call);
        var files = call.Files
            .Select(f =>
            {
                var text = SourceText.From(f.Text, Encoding.UTF8, SourceHashAlgorithm.Sha256);
                return new ScriptSourceFile(f.Path, text, [], f.IsEditorStub);
            })
            .ToList();
        var main = files[0];
        var refused = call.RefusedDirectives.Select(r => (r.Path, new TextSpan(r.Start, r.Length))).ToHashSet();
        return new ScriptSources(Path.GetDirectoryName(main.Path)!, () => CSharpSyntaxTree.ParseText(main.Text, parseOptions, main.Path), files, [.. call.Diagnostics], refused);
    }

    /// <summary>Reads the script at <paramref name="path"/> and every file it loads.</summary>
    /// <param name="path">The main file.</param>
    /// <param name="parseOptions">How the header of each file is parsed to find its directives.</param>
    /// <param name="clientFolder">The client folder, when known, whose secrets, data and configuration no file may come from.</param>
    public static ScriptSources Load(string path, CSharpParseOptions parseOptions, string? clientFolder = null)
    {
        var mainPath = Path.GetFullPath(path);
        var root = Path.GetDirectoryName(mainPath)!;
        var realRoot = RealPath(root);
        var files = new List<ScriptSourceFile>();
        var diagnostics = new List<ScriptDiagnostic>();
        var refused = new HashSet<(string, TextSpan)>();

        var unusable = !File.Exists(mainPath)
            ? (ScriptDiagnosticIds.FileNotFound, "The script file does not exist.")
            : FileProblem(mainPath, clientFolder) is { } mainProblem
                ? (ScriptDiagnosticIds.FileNotAllowed, $"This file cannot be run as a script: it {mainProblem}. Its text was not read.")
                : default((string Id, string Message)?);
        string? unreadable = null;
        var mainBytes = unusable is null ? ScriptFileReader.Read(mainPath, ScriptFileReader.MaxBytes, out unreadable) : null;
        if (unusable is null && mainBytes is null)
        {
            unusable = (ScriptDiagnosticIds.FileNotAllowed, $"This file cannot be run as a script: it {unreadable}.");
        }

        if (unusable is var (id, message))
        {
            diagnostics.Add(new ScriptDiagnostic(mainPath, 0, 0, IsError: true, id, message));
            var empty = SourceText.From("", Encoding.UTF8);
            return new ScriptSources(root, () => CSharpSyntaxTree.ParseText(empty, parseOptions, mainPath), [new ScriptSourceFile(mainPath, empty, SHA256.HashData([]), false)], diagnostics, refused);
        }

        var main = Read(mainPath, mainBytes!);
        var left = ScriptFileReader.MaxBytes - mainBytes!.Length;
        files.Add(main);
        var pending = new Queue<(ScriptSourceFile File, SyntaxTree Tree)>();
        pending.Enqueue((main, ParseHeader(main, parseOptions)));
        var seen = new HashSet<string>(StringComparer.Ordinal) { mainPath };

        while (pending.Count > 0)
        {
            var (file, tree) = pending.Dequeue();
            var unit = tree.GetCompilationUnitRoot();
            foreach (var reference in unit.GetReferenceDirectives())
            {
                refused.Add((file.Path, reference.Span));
                diagnostics.Add(ScriptDiagnostic.At(
                    reference.GetLocation(),
                    isError: true,
                    ScriptDiagnosticIds.ReferenceNotAllowed,
                    $"#r {reference.File.Text} is not allowed: scripts use only the globals API and the allowed parts of .NET (see docs/scripting.md); ask for what you need to be added to the globals instead."));
            }

            foreach (var load in unit.GetLoadDirectives())
            {
                var target = ResolveLoad(load, file.Path);
                // Before anything else, and without reading it: a file the compiler reads is a file its errors quote.
                var problem = target is null ? "the path is empty"
                    : FileProblem(target, clientFolder) is { } notAScript ? $"'{target}' {notAScript}; #load reads only .csx script files, never the client folder's secrets/, data/ or configuration files, and did not read this one"
                    : !IsInsideRoot(target, realRoot) ? $"'{target}' is outside the script's folder '{root}'; #load may only load files in that folder or below it"
                    : !File.Exists(target) ? $"'{target}' does not exist"
                    : null;
                byte[]? bytes = null;
                if (problem is null && !seen.Contains(target!) && (bytes = ScriptFileReader.Read(target!, left, out var unread)) is null)
                {
                    problem = $"'{target}' {unread}";
                }

                if (problem is not null)
                {
                    refused.Add((file.Path, load.Span));
                    diagnostics.Add(ScriptDiagnostic.At(load.GetLocation(), isError: true, ScriptDiagnosticIds.LoadNotAllowed, $"#load refused: {problem}."));
                    continue;
                }

                if (seen.Add(target!))
                {
                    var loaded = Read(target!, bytes!);
                    left -= bytes!.Length;
                    files.Add(loaded);
                    pending.Enqueue((loaded, ParseHeader(loaded, parseOptions)));
                }
            }
        }

        return new ScriptSources(root, () => CSharpSyntaxTree.ParseText(main.Text, parseOptions, mainPath), files, diagnostics, refused);
    }

    /// <summary>
    /// Parses only the lines before the first code: <c>#load</c> and <c>#r</c> must come before the first token, so that is
    /// all the cache key needs, and it is far cheaper than the whole file when the script runs from the cache.
    /// </summary>
    private static SyntaxTree ParseHeader(ScriptSourceFile file, CSharpParseOptions parseOptions)
    {
        var end = 0;
        var inComment = false;
        foreach (var line in file.Text.Lines)
        {
            var text = line.ToString().TrimStart();
            var isHeader = inComment || text.Length == 0 || text.StartsWith('#') || text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith("/*", StringComparison.Ordinal);
            if (!isHeader)
            {
                break;
            }

            inComment = (inComment || text.StartsWith("/*", StringComparison.Ordinal)) && !text.Contains("*/", StringComparison.Ordinal);
            end = line.EndIncludingLineBreak;
        }

        return CSharpSyntaxTree.ParseText(file.Text.GetSubText(new TextSpan(0, end)), parseOptions, file.Path);
    }

    /// <summary>The full path a <c>#load</c> names, relative to the file that contains it.</summary>
    public static string? ResolveLoad(LoadDirectiveTriviaSyntax load, string containingFile)
    {
        var name = load.File.ValueText;
        return string.IsNullOrWhiteSpace(name) ? null : Resolve(name, containingFile);
    }

    public static string Resolve(string name, string? containingFile)
    {
        var baseDirectory = containingFile is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(containingFile)!;
        return Path.GetFullPath(Path.Combine(baseDirectory, name));
    }

    private static ScriptSourceFile Read(string path, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var text = SourceText.From(stream, Encoding.UTF8, SourceHashAlgorithm.Sha256);
        var isStub = text.Lines.Count > 0 && text.Lines[0].ToString().Trim() == EditorStubMarker;
        return new ScriptSourceFile(path, isStub ? SourceText.From("", Encoding.UTF8, SourceHashAlgorithm.Sha256) : text, SHA256.HashData(bytes), isStub);
    }

    /// <summary>Why the file may not be part of a script (see <see cref="ScriptFileRule"/>), or null.</summary>
    private static string? FileProblem(string path, string? clientFolder)
    {
        string real;
        try
        {
            real = RealPath(path);
        }
        catch (IOException)
        {
            real = path; // a link loop: nothing is read through it, and the folder check refuses it
        }

        return ScriptFileRule.Problem(path, real, clientFolder);
    }

    private static bool IsInsideRoot(string path, string realRoot)
    {
        try
        {
            return IsInside(RealPath(path), realRoot);
        }
        catch (IOException)
        {
            return false; // a link loop leads nowhere we may go
        }
    }

    private static bool IsInside(string path, string root)
        => path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symbolic link resolved, so a link cannot lead a <c>#load</c> out of the folder.</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.Exists && info.LinkTarget is not null)
            {
                current = RealPath(info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? current);
            }
        }

        return current;
    }
}
