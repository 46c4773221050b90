using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using MarketingOps.Core.Access;
using MarketingOps.Core.Posts;
using MarketingOps.Host.Application;
using MarketingOps.Host.Web.Security;
using MarketingOps.Sdk;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MarketingOps.Host.Web.Mcp;

/// <summary>
/// The tools an AI assistant gets over MCP: read accounts, posts and experiment reports, check a text against the
/// guardrails, and propose a post, reply or message. A proposal always waits in the approval inbox for a person;
/// no tool publishes, approves or changes a setting.
/// </summary>
[McpServerToolType]
internal sealed class MopsMcpTools(AccountsApp accounts, PostsApp posts, ExperimentsApp experiments, GuardrailsApp guardrails, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    [McpServerTool(Name = "list_accounts", ReadOnly = true), Description("The client's accounts: platform, time zone and limits.")]
    public string ListAccounts() => Serialize(accounts.List());

    [McpServerTool(Name = "list_posts", ReadOnly = true), Description("Posts ordered by due time; filter by state (Scheduled, Published, Failed, ...) and account.")]
    public async Task<string> ListPosts(
        [Description("Only posts in this state.")] string? state = null,
        [Description("Only posts of this account.")] string? account = null,
        [Description("At most this many (1 to 100).")] int limit = 20,
        CancellationToken cancellationToken = default) =>
        await Guard(async () => Serialize(await posts.ListAsync(new PostFilter
        {
            State = state is null ? null : Enum.TryParse<PostState>(state, ignoreCase: true, out var s) ? s : throw ApiProblemException.Invalid("state", $"'{state}' is not a post state."),
            Account = account,
            Limit = Math.Clamp(limit, 1, 100),
        }, cancellationToken)));

    [McpServerTool(Name = "get_post", ReadOnly = true), Description("One post with its whole history.")]
    public async Task<string> GetPost([Description("The post id.")] string id, CancellationToken cancellationToken = default) =>
        await Guard(async () => Serialize(await posts.GetAsync(id, cancellationToken)));

    [McpServerTool(Name = "get_experiment_report", ReadOnly = true), Description("An experiment's report: arms, comparisons, decision and caveats.")]
    public async Task<string> GetExperimentReport([Description("The experiment's id or name.")] string experiment, CancellationToken cancellationToken = default) =>
        await Guard(async () => Serialize(await experiments.ReportAsync(experiment, cancellationToken)));

    [McpServerTool(Name = "check_guardrails", ReadOnly = true), Description("Explains what the guardrails say about a text on an account, without scheduling anything.")]
    public async Task<string> CheckGuardrails(
        [Description("The account's name.")] string account,
        [Description("The text to check.")] string text,
        [Description("post, reply or directMessage.")] string kind = "post",
        [Description("The handle a reply or message is for.")] string? recipient = null,
        CancellationToken cancellationToken = default) =>
        await Guard(async () => Serialize(await guardrails.CheckAsync(account, text, Kind(kind), recipient, cancellationToken)));

    [McpServerTool(Name = "propose_post", Destructive = false), Description("Proposes a post; it waits in the approval inbox until a person approves or rejects it.")]
    public Task<string> ProposePost(
        RequestContext<CallToolRequestParams> context,
        [Description("The account's name.")] string account,
        [Description("The text, exactly as it should be published.")] string text,
        [Description("When to publish: ISO 8601 with an offset, or a local time in the account's zone. Default: soon after approval.")] string? at = null,
        CancellationToken cancellationToken = default) =>
        ProposeAsync(context, new ScheduleCommand(account, at ?? Soon(), text), cancellationToken);

    [McpServerTool(Name = "propose_reply", Destructive = false), Description("Proposes a public reply to someone's post; it waits in the approval inbox for a person.")]
    public Task<string> ProposeReply(
        RequestContext<CallToolRequestParams> context,
        [Description("The account's name.")] string account,
        [Description("The reply's text.")] string text,
        [Description("The platform id of the post answered.")] string inReplyTo,
        [Description("The handle replied to.")] string recipient,
        CancellationToken cancellationToken = default) =>
        ProposeAsync(context, new ScheduleCommand(account, Soon(), text, Kind: MessageKind.Reply, Recipient: recipient, InReplyTo: inReplyTo), cancellationToken);

    [McpServerTool(Name = "propose_message", Destructive = false), Description("Proposes a direct message to one person; it waits in the approval inbox for a person.")]
    public Task<string> ProposeMessage(
        RequestContext<CallToolRequestParams> context,
        [Description("The account's name.")] string account,
        [Description("The message's text.")] string text,
        [Description("The handle it is for.")] string recipient,
        CancellationToken cancellationToken = default) =>
        ProposeAsync(context, new ScheduleCommand(account, Soon(), text, Kind: MessageKind.DirectMessage, Recipient: recipient), cancellationToken);

    private async Task<string> ProposeAsync(RequestContext<CallToolRequestParams> context, ScheduleCommand command, CancellationToken cancellationToken)
    {
        var user = context.User ?? throw new InvalidOperationException("MCP requests are authenticated before any tool runs.");
        var actor = MopsClaims.ActorOf(user, "mcp");
        if (!actor.Has(UserRole.Editor))
        {
            return $"refused: proposing needs a token with the editor role; this one is {AccessService.Describe(actor.Role)}.";
        }

        return await Guard(async () =>
        {
            var outcome = await posts.ProposeAsync(actor, command, cancellationToken);
            return Serialize(new { proposed = outcome.Post.Id, state = outcome.Post.State, note = "waits in the approval inbox; a person approves or rejects it" });
        });
    }

    private string Soon() => time.GetUtcNow().AddMinutes(5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static MessageKind Kind(string kind) =>
        Enum.TryParse<MessageKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : throw ApiProblemException.Invalid("kind", $"'{kind}' is not post, reply or directMessage.");

    // A refusal is an answer the assistant should read, not a protocol error.
    private static async Task<string> Guard(Func<Task<string>> action)
    {
        try
        {
            return await action();
        }
        catch (ApiProblemException ex)
        {
            return "refused: " + ex.Message;
        }
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        return options;
    }
}
