using System.Globalization;
using Hangfire;
using WedTech.Server.Events;
using WedTech.Server.Guests;
using WedTech.Server.Identity;
using WedTech.Server.Leads;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Payments;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Tasks;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Automations;

/// <summary>What one sweep did: rules fired, skipped (a condition did not hold), failed, and found already done by another run.</summary>
public sealed record SweepResult(int Done, int Skipped, int Failed, int AlreadyDone);

/// <summary>
/// Runs a studio's active rules: finds each rule's occurrences since it became active, and fires each once. The firing row is
/// unique on (rule, subject, occurrence) and is written in the same transaction as what the actions do (messages queued in
/// the outbox, notices, the follow-up, the move): a second run at the same time fails on the row and rolls back, changing
/// nothing, and is counted as already done.
/// </summary>
/// <remarks>
/// Since when: a rule fires only for what happens, or falls due, from when it was created, changed or resumed
/// (<see cref="AutomationRule.ActiveSince"/>). The lead triggers read the timeline back to then, at most
/// <see cref="CatchUpDays"/> days; the date triggers fire on the day N days before the date, or on a later day up to the date
/// itself when a run was missed, so a day the servers were down is caught up.
/// </remarks>
public sealed class AutomationSweep(
    TenantDbContext db, ILeadDirectory leads, IWeddingDirectory weddings, IWeddingEvents events, IRsvpDeadlines deadlines,
    IInstalmentsDue instalments, IStudioSettings studio, OutboxService outbox, UserNotices notices, UserDirectory users, ITaskCreator tasks, ILogger<AutomationSweep> logger)
{
    /// <summary>How far back the lead triggers read the timeline (a rule active longer catches up a week of missed runs).</summary>
    public const int CatchUpDays = 7;

    /// <summary>Automatic moves of one lead in an hour after which automations stop moving it: a loop the save could not see.</summary>
    public const int MaxAutomaticMovesPerHour = 5;

    /// <summary>How long after viewing a proposal the trigger still looks (beyond its N days).</summary>
    private const int ProposalLookBackDays = 30;

    private sealed record Occurrence(AutomationSubjectKind Kind, Guid SubjectId, string Key, Dictionary<string, string> Fields);

    public async Task<SweepResult> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rules = await db.AutomationRules.AsNoTracking().Where(r => !r.Paused).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var result = new SweepResult(0, 0, 0, 0);
        if (rules.Count == 0)
        {
            return result;
        }
        var zone = await studio.TimeZoneAsync(cancellationToken);
        var today = VenueTime.DateIn(now, zone);
        var studioName = await studio.CompanyNameAsync(cancellationToken);
        foreach (var rule in rules)
        {
            var occurrences = await OccurrencesAsync(rule, now, today, VenueTime.DateIn(rule.ActiveSince, zone), cancellationToken);
            if (occurrences.Count == 0)
            {
                continue;
            }
            // What this rule already did since it became active (a rerun skips it here; a run at the same time, at the insert).
            var lookFrom = rule.ActiveSince.AddDays(-2);
            var done = (await db.AutomationFirings.AsNoTracking().Where(f => f.RuleId == rule.Id && f.At >= lookFrom)
                .Select(f => new { f.SubjectId, f.Occurrence }).ToListAsync(cancellationToken)).Select(f => (f.SubjectId, f.Occurrence)).ToHashSet();
            foreach (var occurrence in occurrences)
            {
                if (done.Contains((occurrence.SubjectId, occurrence.Key)))
                {
                    result = result with { AlreadyDone = result.AlreadyDone + 1 };
                    continue;
                }
                occurrence.Fields.TryAdd("studioName", studioName);
                var outcome = await FireAsync(rule, occurrence, now, today, cancellationToken);
                result = outcome switch
                {
                    AutomationOutcome.Done => result with { Done = result.Done + 1 },
                    AutomationOutcome.Skipped => result with { Skipped = result.Skipped + 1 },
                    AutomationOutcome.Failed => result with { Failed = result.Failed + 1 },
                    _ => result with { AlreadyDone = result.AlreadyDone + 1 },
                };
            }
        }
        if (result.Done + result.Skipped + result.Failed > 0)
        {
            logger.LogInformation("Automations: {Done} done, {Skipped} skipped, {Failed} failed, {AlreadyDone} already done", result.Done, result.Skipped, result.Failed, result.AlreadyDone);
        }
        return result;
    }

    private async Task<List<Occurrence>> OccurrencesAsync(AutomationRule rule, DateTimeOffset now, DateOnly today, DateOnly activeDay, CancellationToken cancellationToken)
    {
        var since = Max(rule.ActiveSince, now.AddDays(-CatchUpDays));
        switch (rule.Trigger)
        {
            case AutomationTrigger.LeadCreated:
                // A lead is created once: its first "created" or "inquiry received" line.
                return [.. (await leads.HappenedAsync([LeadActivityKind.Created, LeadActivityKind.InquiryReceived], since, now, cancellationToken))
                    .GroupBy(h => h.LeadId).Select(g => new Occurrence(AutomationSubjectKind.Lead, g.Key, "created", []))];
            case AutomationTrigger.StageChanged:
                return [.. (await leads.HappenedAsync([LeadActivityKind.StageChanged], since, now, cancellationToken))
                    .Where(h => rule.StageId is null || h.StageId == rule.StageId)
                    .Select(h => new Occurrence(AutomationSubjectKind.Lead, h.LeadId, $"line:{h.Id:N}", []))];
            case AutomationTrigger.ContractSigned:
                return [.. (await leads.HappenedAsync([LeadActivityKind.ContractSigned], since, now, cancellationToken))
                    .Select(h => new Occurrence(AutomationSubjectKind.Lead, h.LeadId, $"line:{h.Id:N}", []))];
            case AutomationTrigger.ProposalNotAccepted:
            {
                var days = rule.Days ?? 3;
                var from = now.AddDays(-days - ProposalLookBackDays);
                var viewed = await leads.HappenedAsync([LeadActivityKind.ProposalViewed], from, now.AddDays(-days), cancellationToken);
                var accepted = (await leads.HappenedAsync([LeadActivityKind.ProposalAccepted], from, now, cancellationToken))
                    .Where(a => a.SubjectId is not null).ToLookup(a => (a.LeadId, a.SubjectId));
                // Per proposal, its first view; fired N days after it, when the rule was active by then and nothing was accepted since.
                return [.. viewed.GroupBy(v => (v.LeadId, v.SubjectId)).Select(g => g.First())
                    .Where(v => v.At.AddDays(days) >= rule.ActiveSince && !accepted[(v.LeadId, v.SubjectId)].Any(a => a.At >= v.At))
                    .Select(v => new Occurrence(AutomationSubjectKind.Lead, v.LeadId, $"line:{v.Id:N}", new() { ["days"] = days.ToString(CultureInfo.InvariantCulture) }))];
            }
        }
        // The date triggers: a date D fires from the day N days before it (not before the rule was active) up to D itself.
        var n = rule.Days ?? 0;
        var first = Max(today, activeDay.AddDays(n));
        var last = today.AddDays(n);
        if (first > last)
        {
            return [];
        }
        var live = weddings.Ids();
        switch (rule.Trigger)
        {
            case AutomationTrigger.InstalmentDue:
                return [.. (await instalments.DueBetweenAsync(first, last, today, cancellationToken)).Select(i => new Occurrence(AutomationSubjectKind.Wedding, i.WeddingId,
                    $"instalment:{i.InstalmentId:N}:{i.DueOn:yyyy-MM-dd}", new()
                    {
                        ["label"] = i.Label, ["amount"] = IndianFormat.Rupees(i.UnpaidPaise), ["due"] = IndianFormat.DueWhen(i.DueOn, today),
                    }))];
            case AutomationTrigger.EventSoon:
            {
                var found = await events.StartingBetweenAsync(first, last, cancellationToken);
                var ids = found.Select(e => e.WeddingId).Distinct().ToList();
                var living = (await live.Where(id => ids.Contains(id)).ToListAsync(cancellationToken)).ToHashSet();
                return [.. found.Where(e => living.Contains(e.WeddingId)).Select(e => new Occurrence(AutomationSubjectKind.Wedding, e.WeddingId,
                    $"event:{e.EventId:N}:{e.Start:yyyy-MM-ddTHH:mm}", new()
                    {
                        ["eventName"] = e.Name, ["eventDate"] = e.Start.ToString("ddd d MMM yyyy, h:mm tt", CultureInfo.InvariantCulture),
                    }))];
            }
            case AutomationTrigger.RsvpDeadline:
            {
                var found = await deadlines.BetweenAsync(first, last, cancellationToken);
                var ids = found.Select(e => e.WeddingId).ToList();
                var living = (await live.Where(id => ids.Contains(id)).ToListAsync(cancellationToken)).ToHashSet();
                return [.. found.Where(d => living.Contains(d.WeddingId)).Select(d => new Occurrence(AutomationSubjectKind.Wedding, d.WeddingId,
                    $"rsvp:{d.Deadline:yyyy-MM-dd}", new() { ["deadline"] = IndianFormat.Date(d.Deadline) }))];
            }
            default:
                return [];
        }
    }

    /// <summary>Fires a rule for one occurrence; null when another run did it first.</summary>
    private async Task<AutomationOutcome?> FireAsync(AutomationRule rule, Occurrence occurrence, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        var fields = occurrence.Fields;
        string subjectName;
        LeadContact? lead = null;
        WeddingNames? wedding = null;
        if (occurrence.Kind == AutomationSubjectKind.Lead)
        {
            lead = await leads.FindAsync(occurrence.SubjectId, cancellationToken);
            if (lead is null)
            {
                return AutomationOutcome.Skipped; // Removed (merged) since: nothing to record against.
            }
            subjectName = lead.Names;
            fields["coupleNames"] = lead.Names;
            fields["contactName"] = lead.ContactName;
            fields["stageName"] = lead.StageName ?? "";
        }
        else
        {
            wedding = await weddings.NamesAsync(occurrence.SubjectId, cancellationToken);
            if (wedding is null)
            {
                return AutomationOutcome.Skipped;
            }
            subjectName = wedding.Title;
            fields["coupleNames"] = $"{wedding.BrideName} & {wedding.GroomName}";
            fields["weddingTitle"] = wedding.Title;
        }

        var skipped = await ConditionFailsAsync(rule, occurrence, lead, cancellationToken);
        if (skipped is null && rule.Trigger == AutomationTrigger.ProposalNotAccepted && lead!.StageKind is PipelineStageKind.Won or PipelineStageKind.Lost)
        {
            skipped = $"The lead is already {(lead.StageKind == PipelineStageKind.Won ? "won" : "lost")}.";
        }
        if (skipped is not null)
        {
            return await RecordAsync(rule, occurrence, subjectName, now, AutomationOutcome.Skipped, skipped, cancellationToken);
        }
        var moves = rule.Actions.Any(a => a.Kind == AutomationActionKind.MoveLead);
        if (moves)
        {
            var hourAgo = now.AddHours(-1);
            if (await db.AutomationFirings.CountAsync(f => f.SubjectId == occurrence.SubjectId && f.MovedLead && f.At >= hourAgo, cancellationToken) >= MaxAutomaticMovesPerHour)
            {
                return await RecordAsync(rule, occurrence, subjectName, now, AutomationOutcome.Failed,
                    $"Stopped: automations moved this lead {MaxAutomaticMovesPerHour} times within an hour. Check your stage-changed automations for a loop.", cancellationToken);
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var firing = new AutomationFiring
        {
            RuleId = rule.Id, SubjectKind = occurrence.Kind, SubjectId = occurrence.SubjectId, Occurrence = occurrence.Key, SubjectName = Cut(subjectName, 200),
            At = now, Outcome = AutomationOutcome.Done, MovedLead = moves,
        };
        db.AutomationFirings.Add(firing);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run fired it first (the row is unique): nothing of this one is kept.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return null;
        }
        try
        {
            var notes = new List<string>();
            for (var i = 0; i < rule.Actions.Count; i++)
            {
                if (await ActAsync(rule, rule.Actions[i], $"auto:{firing.Id:N}:{i}", occurrence, lead, fields, now, cancellationToken) is { } note)
                {
                    notes.Add(note);
                }
            }
            if (notes.Count > 0)
            {
                firing.Reason = Cut(string.Join(" ", notes), 500);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return AutomationOutcome.Done;
        }
        catch (Exception failure) when (failure is ApiException or DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (failure is DbUpdateException)
            {
                // Another run's work (an idempotent message) clashed: it is done there.
                return null;
            }
            return await RecordAsync(rule, occurrence, subjectName, now, AutomationOutcome.Failed, Explain((ApiException)failure), cancellationToken);
        }
    }

    /// <summary>Does one action; a note for the history when it did less than asked, or throws an <see cref="ApiException"/> saying why it could not.</summary>
    private async Task<string?> ActAsync(AutomationRule rule, AutomationAction action, string key, Occurrence occurrence, LeadContact? lead,
        Dictionary<string, string> fields, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var weddingId = occurrence.Kind == AutomationSubjectKind.Wedding ? occurrence.SubjectId : (Guid?)null;
        switch (action.Kind)
        {
            case AutomationActionKind.SendMessage:
            {
                var channel = action.Channel!.Value;
                var (subject, text) = Render(rule, action, channel, fields);
                var variables = new Dictionary<string, string> { ["subject"] = subject, ["text"] = text };
                if (lead is not null)
                {
                    var to = channel == MessageChannel.Email ? lead.Email : lead.Phone;
                    if (string.IsNullOrWhiteSpace(to))
                    {
                        throw new ApiException(StatusCodes.Status422UnprocessableEntity, "No address",
                            channel == MessageChannel.Email ? "The lead has no e-mail address to write to." : "The lead has no phone number to send to.");
                    }
                    await outbox.QueueAsync(new SendMessageRequest(channel, to, Cut(lead.ContactName, 100), "note", "en", variables, lead.WeddingId), key, cancellationToken);
                    return null;
                }
                var couple = new List<UserSnapshot>();
                foreach (var id in await weddings.ClientsAsync(occurrence.SubjectId, cancellationToken))
                {
                    if (await users.FindAsync(id, cancellationToken) is { Status: UserStatus.Active } person)
                    {
                        couple.Add(person);
                    }
                }
                if (couple.Count == 0)
                {
                    throw new ApiException(StatusCodes.Status422UnprocessableEntity, "No couple", "The wedding has no couple's account to write to: invite the couple to the wedding.");
                }
                foreach (var (person, n) in couple.Select((p, n) => (p, n)))
                {
                    await outbox.QueueAsync(new SendMessageRequest(MessageChannel.Email, person.Email, Cut(person.Name, 100), "note", "en", variables, weddingId), $"{key}:{n}", cancellationToken);
                }
                return null;
            }
            case AutomationActionKind.NotifyStaff:
            {
                var (subject, text) = Render(rule, action, MessageChannel.InApp, fields);
                List<Guid> people = action.Staff switch
                {
                    AutomationStaff.User => [action.UserId!.Value],
                    AutomationStaff.Team => await weddings.StaffAsync(occurrence.SubjectId, cancellationToken),
                    _ => lead?.AssigneeId is { } assignee ? [assignee] : await notices.InRolesAsync([Role.Admin], cancellationToken),
                };
                var told = await notices.TellAsync(people, "automation", new Dictionary<string, string> { ["subject"] = subject, ["text"] = text }, weddingId,
                    weddingId is { } w ? AppLinks.Wedding(w) : null, key, cancellationToken);
                return told == 0 ? "Nobody was told: no active member to tell." : null;
            }
            case AutomationActionKind.CreateFollowUp:
            {
                var who = action.Staff == AutomationStaff.User ? action.UserId : lead!.AssigneeId;
                if (who is not { } userId)
                {
                    throw new ApiException(StatusCodes.Status422UnprocessableEntity, "Nobody assigned", "The lead has no planner assigned, so the follow-up had nobody to go to.");
                }
                var (_, text) = Render(rule, action, MessageChannel.InApp, fields);
                await leads.FollowUpAsync(lead!.Id, userId, now.AddDays(action.Days ?? 0), text, cancellationToken);
                return null;
            }
            case AutomationActionKind.MoveLead:
                return await leads.MoveAsync(lead!.Id, action.StageId!.Value, $"by the automation “{rule.Name}”.", cancellationToken)
                    ? null
                    : "The lead was not moved: it is already in that stage, won or lost, or the stage was removed.";
            case AutomationActionKind.CreateTask:
            {
                var (title, text) = Render(rule, action, MessageChannel.InApp, fields);
                List<Guid> assignees = action.Staff switch
                {
                    AutomationStaff.User => [action.UserId!.Value],
                    AutomationStaff.Team => await weddings.StaffAsync(occurrence.SubjectId, cancellationToken),
                    _ => [],
                };
                return await tasks.CreateOnceAsync(occurrence.SubjectId, key, title, string.IsNullOrWhiteSpace(action.Text) ? null : text, action.Days, assignees, cancellationToken)
                    ? null
                    : "The task was already made for this occurrence.";
            }
            default:
                return "This action is not known: nothing was done.";
        }
    }

    private static (string Subject, string Text) Render(AutomationRule rule, AutomationAction action, MessageChannel channel, Dictionary<string, string> fields)
    {
        // The rule's text with its merge fields; a field with no value (a lead in no stage) reads as a dash.
        var values = AutomationMergeFields.For(rule.Trigger).ToDictionary(f => f, f => fields.TryGetValue(f, out var v) && !string.IsNullOrWhiteSpace(v) ? Cut(v, TemplateRenderer.MaxValueLength) : "–");
        var rendered = TemplateRenderer.Render(new TemplateText("automation", channel, "en", action.Subject ?? rule.Name, action.Text ?? "", null, [], true, 0), values);
        return (Cut(rendered.Subject ?? rule.Name, 200), Cut(rendered.Body, 1000));
    }

    private async Task<string?> ConditionFailsAsync(AutomationRule rule, Occurrence occurrence, LeadContact? lead, CancellationToken cancellationToken)
    {
        List<string>? eventNames = null;
        foreach (var condition in rule.Conditions)
        {
            switch (condition.Kind)
            {
                case AutomationConditionKind.LeadSource when lead is not null && lead.Source != condition.Source:
                    return $"The lead came from {ApiConventions.EnumName(lead.Source)}, not {ApiConventions.EnumName(condition.Source!.Value)}.";
                case AutomationConditionKind.BudgetAtLeast when lead is not null && (lead.Budget is not { } budget || budget < condition.Budget):
                    return lead.Budget is null ? "The lead gave no budget." : "The lead's budget is below the band the automation asks for.";
                case AutomationConditionKind.GuestEstimateAtLeast when lead is not null && (lead.GuestEstimate ?? 0) < condition.Number:
                    return lead.GuestEstimate is null ? "The lead gave no guest estimate." : $"The lead expects {lead.GuestEstimate} guests, fewer than {condition.Number}.";
                case AutomationConditionKind.AssignedTo when lead is not null && lead.AssigneeId != condition.UserId:
                    return "The lead is assigned to someone else.";
                case AutomationConditionKind.HasEvent:
                    eventNames ??= lead is not null ? [.. lead.Events] : [.. (await events.OfWeddingAsync(occurrence.SubjectId, cancellationToken)).Select(e => e.Name)];
                    if (!eventNames.Any(e => string.Equals(e.Trim(), condition.Text, StringComparison.OrdinalIgnoreCase)))
                    {
                        return $"The {(lead is null ? "wedding" : "lead")} has no {condition.Text}.";
                    }
                    break;
            }
        }
        return null;
    }

    private async Task<AutomationOutcome?> RecordAsync(AutomationRule rule, Occurrence occurrence, string subjectName, DateTimeOffset now, AutomationOutcome outcome,
        string reason, CancellationToken cancellationToken)
    {
        db.AutomationFirings.Add(new AutomationFiring
        {
            RuleId = rule.Id, SubjectKind = occurrence.Kind, SubjectId = occurrence.SubjectId, Occurrence = occurrence.Key, SubjectName = Cut(subjectName, 200),
            At = now, Outcome = outcome, Reason = Cut(reason, 500),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return outcome;
        }
        catch (DbUpdateException)
        {
            return null;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Why an action could not be done, for the admin reading the history: never the address itself.</summary>
    private static string Explain(ApiException failure) => failure switch
    {
        ValidationFailedException invalid when invalid.Errors.ContainsKey("recipient") => "The couple's address or number is not one a message can be sent to.",
        ValidationFailedException invalid => $"The message could not be written: {string.Join(" ", invalid.Errors.SelectMany(e => e.Value))}",
        _ => failure.Detail ?? failure.Title,
    };

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

/// <summary>
/// One studio's sweep; <c>at</c> is the moment to sweep as of (null: now). A sweep still running when the next is due (a
/// studio's first sweep over thousands of leads can outlast the interval) holds the studio's lock, across every worker node,
/// and the next one leaves it to finish: firing stays exactly once either way, but two sweeps would only contend.
/// </summary>
public sealed class AutomationSweepJob(AutomationSweep sweep, TimeProvider time, JobStorage storage, TenantContext tenant, ILogger<AutomationSweepJob> logger)
    : ITenantJob<DateTimeOffset?>
{
    public static string LockOf(Guid tenantId) => $"automation-sweep:{tenantId:N}";

    public async Task RunAsync(DateTimeOffset? at, CancellationToken cancellationToken)
    {
        if (!await TenantSweeps.RunAloneAsync(storage, LockOf(tenant.Current.Id), () => sweep.RunAsync(at ?? time.GetUtcNow(), cancellationToken)))
        {
            logger.LogInformation("Automations: the previous sweep is still running; this one is left to it");
        }
    }
}

/// <summary>Queues a sweep per active studio (every few minutes), so that one studio's failure is retried alone.</summary>
public sealed class AutomationSweepScheduler(IJobTenant tenant, IBackgroundJobClient jobs)
{
    public const string RecurringJobId = "automation-sweeps";

    public Task<int> QueueAsync(CancellationToken cancellationToken) => TenantSweeps.QueueForEachStudioAsync<AutomationSweepJob>(tenant, jobs, cancellationToken);
}
