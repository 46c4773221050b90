using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace MarketingOps.Scripting.Compilation;

/// <summary>
/// Rewrites a script so it stops when its run is cancelled: a budget check at the top of every loop body and before every
/// goto, a check plus a stack guard at the top of every method, accessor, local function and lambda, and a pass-through
/// check around query clauses (they become lambdas). Nothing is inserted on a new line, so line numbers stay those of
/// the original source and runtime errors point at the marketer's own lines.
/// </summary>
/// <remarks>Expression bodies become blocks; whether that block returns needs the semantic model, hence a rewriter over the checked compilation.</remarks>
internal sealed class BudgetInjector(SemanticModel model, int fileIndex) : CSharpSyntaxRewriter
{
    private static readonly string Budget = "global::" + typeof(ScriptBudget).FullName;

    /// <param name="tree">One source file of the script.</param>
    /// <param name="model">Its semantic model.</param>
    /// <param name="fileIndex">Its index among the script's sources, for <see cref="ScriptBudget.At"/>.</param>
    public static SyntaxTree Instrument(SyntaxTree tree, SemanticModel model, int fileIndex)
    {
        var root = (CompilationUnitSyntax)new BudgetInjector(model, fileIndex).Visit(tree.GetRoot());
        var text = SourceText.From(root.ToFullString(), Encoding.UTF8, SourceHashAlgorithm.Sha256);
        return CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)tree.Options, tree.FilePath);
    }

    /// <summary>Marks each top-level statement and variable with <see cref="ScriptBudget.At"/>, on its own line.</summary>
    public override SyntaxNode? VisitCompilationUnit(CompilationUnitSyntax node)
    {
        var visited = (CompilationUnitSyntax)base.VisitCompilationUnit(node)!;
        var members = new List<MemberDeclarationSyntax>();
        for (var i = 0; i < visited.Members.Count; i++)
        {
            var member = visited.Members[i];
            if (member is GlobalStatementSyntax or FieldDeclarationSyntax)
            {
                members.Add(GlobalStatement(AtStatement(node.Members[i])).WithLeadingTrivia(member.GetLeadingTrivia()));
                member = member.WithoutLeadingTrivia();
            }

            members.Add(member);
        }

        return visited.WithMembers(List(members));
    }

    /// <summary>Marks each statement of a block with <see cref="ScriptBudget.At"/>, on its own line.</summary>
    public override SyntaxNode? VisitBlock(BlockSyntax node)
    {
        var visited = (BlockSyntax)base.VisitBlock(node)!;
        var statements = new List<StatementSyntax>();
        for (var i = 0; i < visited.Statements.Count; i++)
        {
            var statement = visited.Statements[i];
            statements.Add(AtStatement(node.Statements[i]).WithLeadingTrivia(statement.GetLeadingTrivia()));
            statements.Add(statement.WithoutLeadingTrivia());
        }

        return visited.WithStatements(List(statements));
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, CheckStatement()));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, CheckStatement()));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, CheckStatement()));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, CheckStatement()));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, CheckStatement()));
    }

    public override SyntaxNode? VisitGotoStatement(GotoStatementSyntax node)
    {
        var visited = (GotoStatementSyntax)base.VisitGotoStatement(node)!;
        return Prepend(visited, CheckStatement());
    }

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
        => Instrument(NoInlining((MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!), ReturnsValue(model.GetDeclaredSymbol(node)));

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node)
        => Instrument(NoInlining((ConstructorDeclarationSyntax)base.VisitConstructorDeclaration(node)!), returnsValue: false);

    public override SyntaxNode? VisitFieldDeclaration(FieldDeclarationSyntax node)
    {
        // A script's top-level variables are fields too, set in order by the script's body: no recursion there.
        var visited = (FieldDeclarationSyntax)base.VisitFieldDeclaration(node)!;
        return visited.Modifiers.Any(SyntaxKind.ConstKeyword) || node.Parent is not TypeDeclarationSyntax
            ? visited
            : visited.WithDeclaration(visited.Declaration.WithVariables(SeparatedList(
                visited.Declaration.Variables.Select(v => v.Initializer is { } initializer && Guardable(initializer.Value) ? v.WithInitializer(initializer.WithValue(Guard(initializer.Value))) : v),
                visited.Declaration.Variables.GetSeparators())));
    }

    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        var visited = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
        if (visited.Initializer is { } initializer && Guardable(initializer.Value))
        {
            visited = visited.WithInitializer(initializer.WithValue(Guard(initializer.Value)));
        }

        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(ArrowToGetter(arrow, visited.SemicolonToken))
            : visited;
    }

    public override SyntaxNode? VisitConstructorInitializer(ConstructorInitializerSyntax node)
    {
        var visited = (ConstructorInitializerSyntax)base.VisitConstructorInitializer(node)!;
        return visited.WithArgumentList(GuardFirst(visited.ArgumentList));
    }

    public override SyntaxNode? VisitPrimaryConstructorBaseType(PrimaryConstructorBaseTypeSyntax node)
    {
        var visited = (PrimaryConstructorBaseTypeSyntax)base.VisitPrimaryConstructorBaseType(node)!;
        return visited.WithArgumentList(GuardFirst(visited.ArgumentList));
    }

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node)
        => Instrument(NoInlining((OperatorDeclarationSyntax)base.VisitOperatorDeclaration(node)!), returnsValue: true);

    public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node)
        => Instrument(NoInlining((ConversionOperatorDeclarationSyntax)base.VisitConversionOperatorDeclaration(node)!), returnsValue: true);

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var returns = ReturnsValue(model.GetDeclaredSymbol(node) as IMethodSymbol);
        var visited = NoInlining((LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!);
        return visited.Body is { } body
            ? visited.WithBody(PrependEnter(body))
            : visited.ExpressionBody is { } arrow
                ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(ArrowToBlock(arrow, visited.SemicolonToken, returns))
                : visited;
    }

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var returns = ReturnsValue(model.GetDeclaredSymbol(node));
        var visited = NoInlining((AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!);
        return visited.Body is { } body
            ? visited.WithBody(PrependEnter(body))
            : visited.ExpressionBody is { } arrow
                ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(ArrowToBlock(arrow, visited.SemicolonToken, returns))
                : visited;
    }

    public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node)
    {
        var visited = (IndexerDeclarationSyntax)base.VisitIndexerDeclaration(node)!;
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(ArrowToGetter(arrow, visited.SemicolonToken))
            : visited;
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var returns = ReturnsValue(model.GetSymbolInfo(node).Symbol as IMethodSymbol);
        var visited = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        return visited.Block is { } block
            ? visited.WithBlock(PrependEnter(block))
            : visited.WithExpressionBody(null).WithBlock(ExpressionToBlock(visited.ExpressionBody!, returns, default, default));
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var returns = ReturnsValue(model.GetSymbolInfo(node).Symbol as IMethodSymbol);
        var visited = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
        return visited.Block is { } block
            ? visited.WithBlock(PrependEnter(block))
            : visited.WithExpressionBody(null).WithBlock(ExpressionToBlock(visited.ExpressionBody!, returns, default, default));
    }

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var visited = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        return visited.WithBlock(PrependEnter(visited.Block));
    }

    public override SyntaxNode? VisitWhereClause(WhereClauseSyntax node)
    {
        var wrap = CanPass(node.Condition);
        var visited = (WhereClauseSyntax)base.VisitWhereClause(node)!;
        return wrap ? visited.WithCondition(Pass(visited.Condition)) : visited;
    }

    public override SyntaxNode? VisitSelectClause(SelectClauseSyntax node)
    {
        var wrap = CanPass(node.Expression);
        var visited = (SelectClauseSyntax)base.VisitSelectClause(node)!;
        return wrap ? visited.WithExpression(Pass(visited.Expression)) : visited;
    }

    public override SyntaxNode? VisitLetClause(LetClauseSyntax node)
    {
        var wrap = CanPass(node.Expression);
        var visited = (LetClauseSyntax)base.VisitLetClause(node)!;
        return wrap ? visited.WithExpression(Pass(visited.Expression)) : visited;
    }

    public override SyntaxNode? VisitOrdering(OrderingSyntax node)
    {
        var wrap = CanPass(node.Expression);
        var visited = (OrderingSyntax)base.VisitOrdering(node)!;
        return wrap ? visited.WithExpression(Pass(visited.Expression)) : visited;
    }

    /// <summary>Enter() first in a block body; an expression body becomes such a block.</summary>
    private static BaseMethodDeclarationSyntax Instrument(BaseMethodDeclarationSyntax visited, bool returnsValue)
        => visited.Body is { } body
            ? visited.WithBody(PrependEnter(body))
            : visited.ExpressionBody is { } arrow
                ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(ArrowToBlock(arrow, visited.SemicolonToken, returnsValue))
                : visited;

    /// <summary>
    /// Keeps the method's own frame on the stack: an inlined method vanishes from stack traces, and the error would point
    /// at its caller, possibly in another file. The attribute goes first, taking over the leading trivia (which may hold a
    /// <c>#load</c>), so no line moves.
    /// </summary>
    private static T NoInlining<T>(T node)
        where T : SyntaxNode
    {
        var attribute = AttributeList(SingletonSeparatedList(Attribute(
            ParseName("global::System.Runtime.CompilerServices.MethodImpl"),
            ParseAttributeArgumentList("(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)"))))
            .WithLeadingTrivia(node.GetLeadingTrivia())
            .WithTrailingTrivia(Space);
        SyntaxNode bare = node.WithoutLeadingTrivia();
        SyntaxNode marked = bare switch
        {
            BaseMethodDeclarationSyntax method => method.WithAttributeLists(method.AttributeLists.Insert(0, attribute)),
            LocalFunctionStatementSyntax local => local.WithAttributeLists(local.AttributeLists.Insert(0, attribute)),
            AccessorDeclarationSyntax accessor => accessor.WithAttributeLists(accessor.AttributeLists.Insert(0, attribute)),
            _ => node,
        };
        return (T)marked;
    }

    /// <summary>A method returns a value unless it is void or an async method whose task carries no result.</summary>
    private static bool ReturnsValue(IMethodSymbol? method)
        => method is not null && !method.ReturnsVoid && !(method.IsAsync && method.ReturnType is INamedTypeSymbol { IsGenericType: false });

    private bool CanPass(ExpressionSyntax expression)
        => expression is not (LiteralExpressionSyntax or AnonymousFunctionExpressionSyntax)
            && model.GetTypeInfo(expression).Type is { IsRefLikeType: false } and not IErrorTypeSymbol;

    private static InvocationExpressionSyntax Pass(ExpressionSyntax expression)
        => InvocationExpression(ParseExpression($"{Budget}.Pass"), ArgumentList(SingletonSeparatedList(Argument(expression.WithoutTrivia()))))
            .WithTriviaFrom(expression);

    /// <summary>An initializer that may run code (not a constant, not an array initializer, which is no expression of its own).</summary>
    private static bool Guardable(ExpressionSyntax value) => value is not (LiteralExpressionSyntax or InitializerExpressionSyntax);

    /// <summary><c>value</c> becomes <c>(Entered() ? value : default)</c> on the same line: the check runs before the value.</summary>
    private static ParenthesizedExpressionSyntax Guard(ExpressionSyntax value)
        => ParenthesizedExpression(ConditionalExpression(
            ParseExpression($"{Budget}.Entered()"),
            Token(default, SyntaxKind.QuestionToken, TriviaList(Space)),
            value.WithoutTrivia(),
            Token(TriviaList(Space), SyntaxKind.ColonToken, TriviaList(Space)),
            LiteralExpression(SyntaxKind.DefaultLiteralExpression)))
            .WithTriviaFrom(value);

    /// <summary>Guards the first argument passed by value, so the check runs before any argument is evaluated.</summary>
    private static ArgumentListSyntax GuardFirst(ArgumentListSyntax arguments)
    {
        if (arguments.Arguments.FirstOrDefault() is not { } first || !first.RefKindKeyword.IsKind(SyntaxKind.None))
        {
            return arguments;
        }

        return arguments.WithArguments(arguments.Arguments.Replace(first, first.WithExpression(Guard(first.Expression))));
    }

    /// <summary><c>At(position);</c> for where <paramref name="original"/> (a node of the source as written) starts.</summary>
    private StatementSyntax AtStatement(SyntaxNode original)
    {
        var line = original.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        return ParseStatement($"{Budget}.At({ScriptBudget.Position(fileIndex, line)}); ");
    }

    private static StatementSyntax CheckStatement() => ParseStatement($"{Budget}.Check(); ");

    private static StatementSyntax EnterStatement() => ParseStatement($"{Budget}.Enter(); ");

    private static BlockSyntax PrependEnter(BlockSyntax block) => block.WithStatements(block.Statements.Insert(0, EnterStatement()));

    /// <summary>Puts a statement first in a body, turning a single-statement body into a block on the same lines.</summary>
    private static BlockSyntax Prepend(StatementSyntax body, StatementSyntax first)
        => body is BlockSyntax block
            ? block.WithStatements(block.Statements.Insert(0, first))
            : Block(
                Token(body.GetLeadingTrivia(), SyntaxKind.OpenBraceToken, default),
                List([first, body.WithoutTrivia()]),
                Token(default, SyntaxKind.CloseBraceToken, body.GetTrailingTrivia()));

    private static BlockSyntax ArrowToBlock(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon, bool returnsValue)
        => ExpressionToBlock(
            arrow.Expression,
            returnsValue,
            arrow.ArrowToken.LeadingTrivia.AddRange(arrow.ArrowToken.TrailingTrivia),
            semicolon.LeadingTrivia.AddRange(semicolon.TrailingTrivia));

    private static AccessorListSyntax ArrowToGetter(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon)
        => AccessorList(
            Token(arrow.ArrowToken.LeadingTrivia.AddRange(arrow.ArrowToken.TrailingTrivia), SyntaxKind.OpenBraceToken, default),
            SingletonList(AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, ExpressionToBlock(arrow.Expression, returnsValue: true, default, default))),
            Token(semicolon.LeadingTrivia, SyntaxKind.CloseBraceToken, semicolon.TrailingTrivia));

    /// <summary><c>expr</c> becomes <c>{ Enter(); return expr; }</c> (or <c>expr;</c> without a value, or <c>throw …;</c>), keeping every line break.</summary>
    private static BlockSyntax ExpressionToBlock(ExpressionSyntax expression, bool returnsValue, SyntaxTriviaList before, SyntaxTriviaList after)
    {
        var bare = expression.WithoutTrivia();
        StatementSyntax statement = bare switch
        {
            ThrowExpressionSyntax thrown => ThrowStatement(thrown.ThrowKeyword, thrown.Expression, Token(SyntaxKind.SemicolonToken)),
            _ when returnsValue => ReturnStatement(Token(default, SyntaxKind.ReturnKeyword, TriviaList(Space)), bare, Token(SyntaxKind.SemicolonToken)),
            _ => ExpressionStatement(bare),
        };
        return Block(
            Token(before.AddRange(expression.GetLeadingTrivia()), SyntaxKind.OpenBraceToken, default),
            List([EnterStatement(), statement]),
            Token(default, SyntaxKind.CloseBraceToken, expression.GetTrailingTrivia().AddRange(after)));
    }
}
