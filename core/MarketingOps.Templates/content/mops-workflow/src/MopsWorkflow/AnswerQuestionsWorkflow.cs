using MarketingOps.Sdk;

namespace MopsWorkflow;

/// <summary>
/// For each mention or reply that asks the account a question, proposes the start of an answer to the approval inbox,
/// where a person finishes it, sends it or drops it. A workflow proposes; it never sends anything itself.
/// </summary>
internal sealed class AnswerQuestionsWorkflow(WorkflowSettings settings) : IWorkflow
{
    // Runs overlap a little so an event the platform reports late is not missed; the inbox keeps one proposal per event.
    private static readonly TimeSpan RunOverlap = TimeSpan.FromMinutes(15);

    public string Name => "answer-questions";

    /// <summary>Every 15 minutes; a <c>schedule</c> in the plugin's entry of plugins.json overrides it.</summary>
    public string DefaultSchedule => "0 0/15 * * * ?";

    public async Task RunAsync(IWorkflowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var since = context.PreviousRunAt is { } previous ? previous - RunOverlap : context.ScheduledAt - settings.FirstRunLookback;
        foreach (var account in context.Accounts)
        {
            if (context.GetAudienceSource(account.Platform) is not { } audience)
            {
                continue; // this platform reports no mentions or replies
            }

            try
            {
                foreach (var question in await audience.GetEventsAsync(account.Name, since, cancellationToken))
                {
                    if (QuestionAnswer.Draft(account, question) is { } proposal)
                    {
                        await context.ProposeAsync(proposal, cancellationToken);
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One account's trouble (its platform is down, say) must not stop the others.
                Log.QuestionsUnreadable(context.Logger, exception, account.Name);
            }
        }
    }
}
