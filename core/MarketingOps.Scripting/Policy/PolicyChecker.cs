using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MarketingOps.Scripting.Compilation;

namespace MarketingOps.Scripting.Policy;

/// <summary>
/// Walks every node of every script file with the semantic model and refuses anything outside <see cref="ScriptAllowlist"/>:
/// each symbol a node binds to, each expression's type, and the language features that escape the sandbox.
/// </summary>
internal sealed class PolicyChecker
{
    private const string ReservedPrefix = "__Mops";
    private const string StaticState = "it would keep its value from one run to the next (mops keeps recently run scripts loaded); use a const, a local or a top-level variable";

    private readonly CSharpCompilation _compilation;
    private readonly List<ScriptDiagnostic> _found = [];
    private readonly HashSet<(string File, int Line, string What)> _reported = [];
    private readonly Dictionary<INamedTypeSymbol, string?> _typeVerdicts = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ITypeSymbol, IReadOnlyList<Violation>> _typeViolations = new(SymbolEqualityComparer.Default);

    private PolicyChecker(CSharpCompilation compilation) => _compilation = compilation;

    public static IReadOnlyList<ScriptDiagnostic> Check(CSharpCompilation compilation, CancellationToken cancellationToken)
    {
        var checker = new PolicyChecker(compilation);
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot(cancellationToken);
            foreach (var token in root.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText.StartsWith(ReservedPrefix, StringComparison.Ordinal))
                {
                    checker.Feature(token.GetLocation(), token.ValueText, $"names starting with {ReservedPrefix} are reserved for the host");
                }
            }

            foreach (var node in root.DescendantNodesAndSelf())
            {
                checker.CheckSyntax(node, model);
                checker.CheckSemantics(node, model);
            }
        }

        checker.CheckStoredTokens(compilation.Assembly.GlobalNamespace);
        return checker._found;
    }

    private void CheckSyntax(SyntaxNode node, SemanticModel model)
    {
        switch (node)
        {
            case UnsafeStatementSyntax or FixedStatementSyntax or PointerTypeSyntax or FunctionPointerTypeSyntax
                or StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax:
                Feature(node.GetLocation(), "unsafe code", "scripts cannot use unsafe code, pointers or stackalloc");
                break;
            case MakeRefExpressionSyntax or RefTypeExpressionSyntax or RefValueExpressionSyntax:
                Feature(node.GetLocation(), "typed references", "scripts cannot use __makeref, __reftype or __refvalue");
                break;
            case ExpressionSyntax when node.IsKind(SyntaxKind.ArgListExpression):
                Feature(node.GetLocation(), "__arglist", "scripts cannot use __arglist");
                break;
            case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.StaticKeyword) && !field.Modifiers.Any(SyntaxKind.ConstKeyword):
                Feature(field.Declaration.Variables[0].Identifier.GetLocation(), "static field", StaticState);
                break;
            case EventFieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.StaticKeyword):
                Feature(field.Declaration.Variables[0].Identifier.GetLocation(), "static event", StaticState);
                break;
            case PropertyDeclarationSyntax property when property.Modifiers.Any(SyntaxKind.StaticKeyword)
                && (property.Initializer is not null || property.AccessorList?.Accessors.All(a => a.Body is null && a.ExpressionBody is null) == true):
                Feature(property.Identifier.GetLocation(), "static auto-property", StaticState);
                break;
            case LockStatementSyntax:
                Feature(node.GetLocation(), "lock", "a lock can deadlock the run with no way to stop it, and a script has no shared state to guard");
                break;
            case FieldExpressionSyntax when node.Ancestors().OfType<PropertyDeclarationSyntax>().FirstOrDefault() is { } owner && owner.Modifiers.Any(SyntaxKind.StaticKeyword):
                Feature(node.GetLocation(), "the field keyword in a static property", StaticState);
                break;
            case DestructorDeclarationSyntax:
                Feature(node.GetLocation(), "finalizer", "finalizers run on the garbage collector's thread after the script has ended");
                break;
            case MethodDeclarationSyntax { ReturnType: PredefinedTypeSyntax r } m when m.Modifiers.Any(SyntaxKind.AsyncKeyword) && r.Keyword.IsKind(SyntaxKind.VoidKeyword):
                Feature(m.Identifier.GetLocation(), "async void", "an async void method's failure would crash the host; return Task");
                break;
            case LocalFunctionStatementSyntax { ReturnType: PredefinedTypeSyntax r } f when f.Modifiers.Any(SyntaxKind.AsyncKeyword) && r.Keyword.IsKind(SyntaxKind.VoidKeyword):
                Feature(f.Identifier.GetLocation(), "async void", "an async void function's failure would crash the host; return Task");
                break;
            case AnonymousFunctionExpressionSyntax lambda when lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword)
                && model.GetSymbolInfo(lambda).Symbol is IMethodSymbol { ReturnsVoid: true }:
                Feature(lambda.AsyncKeyword.GetLocation(), "async void lambda", "an async lambda passed as an Action would crash the host when it fails; use a Func<Task>");
                break;
        }

        var modifiers = node switch
        {
            MemberDeclarationSyntax member => member.Modifiers,
            LocalFunctionStatementSyntax local => local.Modifiers,
            LocalDeclarationStatementSyntax local => local.Modifiers,
            _ => default,
        };
        foreach (var modifier in modifiers)
        {
            if (modifier.IsKind(SyntaxKind.UnsafeKeyword))
            {
                Feature(modifier.GetLocation(), "unsafe code", "scripts cannot use unsafe code");
            }
            else if (modifier.IsKind(SyntaxKind.ExternKeyword))
            {
                Feature(modifier.GetLocation(), "extern", "scripts cannot call native code");
            }
        }
    }

    private void CheckSemantics(SyntaxNode node, SemanticModel model)
    {
        if (node is not (ExpressionSyntax or AttributeSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax))
        {
            return;
        }

        var info = model.GetSymbolInfo(node);
        if (info.Symbol is { } symbol)
        {
            CheckSymbol(symbol, node);
        }
        else
        {
            foreach (var candidate in info.CandidateSymbols)
            {
                CheckSymbol(candidate, node);
            }
        }

        if (node is DefaultExpressionSyntax || node.IsKind(SyntaxKind.DefaultLiteralExpression))
        {
            if (model.GetTypeInfo(node).ConvertedType is { } converted && IsCancellationToken(converted))
            {
                Report(node, "default CancellationToken", ScriptDiagnosticIds.ApiNotAllowed,
                    $"an empty CancellationToken is not allowed in scripts: {ScriptAllowlist.UseRunToken}");
            }
        }

        if (node is ExpressionSyntax)
        {
            var type = model.GetTypeInfo(node);
            CheckType(type.Type, node);
            CheckType(type.ConvertedType, node);
        }
    }

    private void CheckSymbol(ISymbol symbol, SyntaxNode at)
    {
        switch (symbol)
        {
            case IAliasSymbol alias:
                CheckSymbol(alias.Target, at);
                break;
            case ITypeSymbol type:
                CheckType(type, at);
                break;
            case IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction }:
                break;
            case IMethodSymbol method:
                var definition = (method.ReducedFrom ?? method).OriginalDefinition;
                foreach (var argument in method.TypeArguments)
                {
                    CheckType(argument, at);
                }

                CheckMember(definition, at);
                if (method.TypeArguments.Any(IsScriptDefinedAnywhere) && definition.ContainingNamespace.ToDisplayString().StartsWith("System.Text.Json", StringComparison.Ordinal))
                {
                    Report(at, TypeKey(definition.ContainingType), ScriptDiagnosticIds.ApiNotAllowed,
                        $"'{Display(method)}' is not allowed in scripts: {ScriptAllowlist.RemembersTypes}");
                }

                if (definition is { Name: "Create", IsGenericMethod: true } && TypeKey(definition.ContainingType) == "System.Text.Json.Nodes.JsonValue")
                {
                    Report(at, "System.Text.Json.Nodes.JsonValue.Create<T>", ScriptDiagnosticIds.ApiNotAllowed,
                        $"'{Display(method)}' is not allowed in scripts: {ScriptAllowlist.RemembersTypes}, or JsonValue.Create of a string, number or bool");
                }

                if (definition is { Name: "CreateVersion7", Parameters.Length: 0 } && TypeKey(definition.ContainingType) == "System.Guid")
                {
                    Report(at, "System.Guid.CreateVersion7", ScriptDiagnosticIds.ApiNotAllowed,
                        $"'{Display(method)}' is not allowed in scripts: it reads the wall clock; use Guid.CreateVersion7(Now)");
                }

                if (definition.Name == "CreateLinkedTokenSource" && TypeKey(definition.ContainingType) == "System.Threading.CancellationTokenSource"
                    && at.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { ArgumentList.Arguments.Count: 0 })
                {
                    Report(at, "System.Threading.CancellationTokenSource.CreateLinkedTokenSource", ScriptDiagnosticIds.ApiNotAllowed,
                        $"'{Display(method)}' with no token is not allowed in scripts: {ScriptAllowlist.OwnTokenSource}");
                }

                if (definition.Name == "Delay" && TypeKey(definition.ContainingType) == "System.Threading.Tasks.Task"
                    && !definition.Parameters.Any(p => p.Type.Name == nameof(CancellationToken)))
                {
                    Report(at, "System.Threading.Tasks.Task.Delay", ScriptDiagnosticIds.ApiNotAllowed,
                        $"'{Display(method)}' is not allowed in scripts: pass CancellationToken so the run can stop it, or use Delay(...)");
                }

                break;
            case IPropertySymbol or IFieldSymbol or IEventSymbol:
                CheckMember(symbol.OriginalDefinition, at);
                break;
            case ILocalSymbol local:
                CheckType(local.Type, at);
                break;
            case IParameterSymbol parameter:
                CheckType(parameter.Type, at);
                break;
            case IDiscardSymbol discard:
                CheckType(discard.Type, at);
                break;
        }
    }

    private void CheckMember(ISymbol member, SyntaxNode at)
    {
        var owner = member.ContainingType;
        if (owner is null || IsScriptDefined(owner))
        {
            return;
        }

        var key = TypeKey(owner.OriginalDefinition);
        if (TypeVerdict(owner.OriginalDefinition) is { } reason)
        {
            Report(at, key, ScriptDiagnosticIds.ApiNotAllowed, $"'{Display(member)}' is not allowed in scripts: {reason}");
            return;
        }

        var name = member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? ".ctor" : member.Name;
        for (var type = owner.OriginalDefinition; type is not null; type = type.ContainingType)
        {
            if (ScriptAllowlist.DeniedMembers.TryGetValue(TypeKey(type), out var members) && members.TryGetValue(name, out var why))
            {
                Report(at, $"{key}.{name}", ScriptDiagnosticIds.ApiNotAllowed, $"'{Display(member)}' is not allowed in scripts: {why}");
                return;
            }
        }
    }

    private void CheckType(ITypeSymbol? type, SyntaxNode at)
    {
        foreach (var violation in Violations(type))
        {
            Report(at.GetLocation(), violation.What, violation.Id, violation.Message);
        }
    }

    /// <summary>
    /// What is wrong with a type, worked out once per type: a tuple of tuples of tuples names each inner type many times
    /// over, and walking it anew for every expression made checking a script exponential in its nesting.
    /// </summary>
    private IReadOnlyList<Violation> Violations(ITypeSymbol? type)
    {
        if (type is null or IErrorTypeSymbol or ITypeParameterSymbol)
        {
            return [];
        }

        if (_typeViolations.TryGetValue(type, out var known))
        {
            return known;
        }

        var found = new List<Violation>();
        switch (type)
        {
            case IArrayTypeSymbol array:
                found.AddRange(Violations(array.ElementType));
                if (IsCancellationToken(array.ElementType))
                {
                    found.Add(new Violation("CancellationToken[]", ScriptDiagnosticIds.ApiNotAllowed, $"'{Display(array)}' is not allowed in scripts: {ScriptAllowlist.HeldToken}"));
                }

                break;
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                found.Add(Violation.Feature("pointers", "scripts cannot use unsafe code or pointers"));
                break;
            case IDynamicTypeSymbol:
                found.Add(Violation.Feature("dynamic", "dynamic binds at run time, past every check; use a concrete type or JsonNode"));
                break;
            case INamedTypeSymbol { IsAnonymousType: true }:
                break;
            case INamedTypeSymbol named:
                foreach (var argument in (named.IsTupleType ? named.TupleElements.Select(e => e.Type) : named.TypeArguments).Distinct(SymbolEqualityComparer.Default))
                {
                    found.AddRange(Violations((ITypeSymbol)argument!));
                    if (IsCancellationToken((ITypeSymbol)argument!))
                    {
                        found.Add(new Violation("CancellationToken as a type argument", ScriptDiagnosticIds.ApiNotAllowed, $"'{Display(named)}' is not allowed in scripts: {ScriptAllowlist.HeldToken}"));
                    }
                }

                if (!named.IsTupleType && !IsScriptDefined(named) && TypeVerdict(named.OriginalDefinition) is { } reason)
                {
                    found.Add(new Violation(TypeKey(named.OriginalDefinition), ScriptDiagnosticIds.ApiNotAllowed, $"'{Display(named.OriginalDefinition)}' is not allowed in scripts: {reason}"));
                }

                break;
        }

        _typeViolations[type] = found;
        return found;
    }

    /// <summary>One thing wrong with a type, to report wherever the type appears.</summary>
    private sealed record Violation(string What, string Id, string Message)
    {
        public static Violation Feature(string what, string reason) => new(what, ScriptDiagnosticIds.FeatureNotAllowed, $"{what} is not allowed in scripts: {reason}");
    }

    /// <summary>Null when the type is allowed, else why not.</summary>
    private string? TypeVerdict(INamedTypeSymbol definition)
    {
        if (_typeVerdicts.TryGetValue(definition, out var cached))
        {
            return cached;
        }

        var key = TypeKey(definition);
        string? verdict;
        if (ScriptAllowlist.DeniedTypes.TryGetValue(key, out var denied))
        {
            verdict = denied;
        }
        else if (ScriptAllowlist.Types.Contains(key))
        {
            verdict = null;
        }
        else if (definition.ContainingType is { } outer)
        {
            verdict = TypeVerdict(outer.OriginalDefinition);
        }
        else if (ScriptAllowlist.Namespaces.Contains(definition.ContainingNamespace.ToDisplayString()))
        {
            verdict = null;
        }
        else
        {
            verdict = ScriptAllowlist.Reasons
                .Where(r => key == r.Prefix || key.StartsWith(r.Prefix + ".", StringComparison.Ordinal))
                .OrderByDescending(r => r.Prefix.Length)
                .Select(r => r.Reason)
                .FirstOrDefault() ?? ScriptAllowlist.DefaultReason;
        }

        _typeVerdicts[definition] = verdict;
        return verdict;
    }

    /// <summary>
    /// A token kept in a field (a script-level variable, a field or auto-property of a script's type) starts empty until
    /// set, and code can read it before: the run could not cancel what waits on it.
    /// </summary>
    private void CheckStoredTokens(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            switch (member)
            {
                case INamespaceOrTypeSymbol inner when IsScriptDefinedContainer(inner):
                    CheckStoredTokens(inner);
                    break;
                case IFieldSymbol field when IsCancellationToken(field.Type):
                    var declared = field.AssociatedSymbol ?? field;
                    if (declared.Locations.FirstOrDefault(l => l.IsInSource) is { } location)
                    {
                        Report(location, "stored CancellationToken", ScriptDiagnosticIds.ApiNotAllowed,
                            $"'{declared.Name}' is not allowed in scripts: a script-level variable, field or property of type CancellationToken {ScriptAllowlist.StoredToken}");
                    }

                    break;
            }
        }
    }

    private bool IsScriptDefinedContainer(INamespaceOrTypeSymbol symbol) => symbol is INamespaceSymbol || (symbol is ITypeSymbol type && IsScriptDefined(type));

    private static bool IsCancellationToken(ITypeSymbol type) => type is INamedTypeSymbol { Name: nameof(CancellationToken) } named && TypeKey(named) == "System.Threading.CancellationToken";

    private bool IsScriptDefined(ITypeSymbol type) => SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly);

    /// <summary>The type or any type inside it (array element, type argument, anonymous type) is the script's own.</summary>
    private bool IsScriptDefinedAnywhere(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => IsScriptDefinedAnywhere(array.ElementType),
        INamedTypeSymbol { IsAnonymousType: true } => true,
        INamedTypeSymbol named => IsScriptDefined(named) || named.TypeArguments.Any(IsScriptDefinedAnywhere),
        _ => false,
    };

    /// <summary>Namespace-qualified name without generic arity; nested types as Outer.Inner.</summary>
    internal static string TypeKey(INamedTypeSymbol type)
        => type.ContainingType is { } outer ? $"{TypeKey(outer)}.{type.Name}"
            : type.ContainingNamespace is { IsGlobalNamespace: false } ns ? $"{ns.ToDisplayString()}.{type.Name}"
            : type.Name;

    private static string Display(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

    private void Feature(Location location, string what, string reason)
        => Report(location, what, ScriptDiagnosticIds.FeatureNotAllowed, $"{what} is not allowed in scripts: {reason}");

    private void Report(SyntaxNode at, string what, string id, string message) => Report(at.GetLocation(), what, id, message);

    private void Report(Location location, string what, string id, string message)
    {
        var diagnostic = ScriptDiagnostic.At(location, isError: true, id, message + ".");
        if (_reported.Add((diagnostic.File, diagnostic.Line, what)))
        {
            _found.Add(diagnostic);
        }
    }
}
