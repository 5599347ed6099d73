using System.Globalization;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Email;
using WedTech.Server.Tenancy.Settings;

namespace WedTech.Server.Leads;

public sealed record LeadFilter(Guid? StageId, Guid? AssigneeId, LeadSource? Source, string? Search);

/// <summary>The studio's leads: entered by hand or from the inquiry form, the board and the list, moves, activities, merges.</summary>
public sealed class LeadService(
    TenantDbContext db, LeadStages stages, CurrentUser currentUser, AuditLog audit, TimeProvider time, LeadsChanged changes, IStudioSettings studio)
{
    /// <summary>Won and Lost columns show this many of their latest leads; the open columns show all.</summary>
    public const int ClosedColumnCards = 50;

    public const int MaxDates = 10;
    public const int MaxEvents = 12;

    public async Task<PagedResponse<LeadListItem>> ListAsync(LeadFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        var all = await stages.AllAsync(cancellationToken);
        var query = db.Leads.AsNoTracking();
        if (filter.StageId is { } stageId)
        {
            query = query.Where(l => l.StageId == stageId);
        }
        if (filter.AssigneeId is { } assigneeId)
        {
            query = query.Where(l => l.AssigneeId == assigneeId);
        }
        if (filter.Source is { } source)
        {
            query = query.Where(l => l.Source == source);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLowerInvariant();
            var digits = LeadPhones.DigitsOf(term);
            query = digits.Length >= 6 ? query.Where(l => l.SearchText.Contains(term) || (l.Phone != null && l.Phone.Contains(digits)))
                : query.Where(l => l.SearchText.Contains(term));
        }
        var page = await query.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id).ToPageAsync(paging, l => new
        {
            l.Id, l.Names, l.ContactName, l.StageId, l.Source, l.City, l.Dates, l.AssigneeId, l.CreatedAt, l.Version,
        }, cancellationToken);
        var ids = page.Items.Select(i => i.Id).ToList();
        var followUps = await NextFollowUpsAsync(ids, cancellationToken);
        var names = await NamesAsync(page.Items.Select(i => i.AssigneeId), cancellationToken);
        var stageById = all.ToDictionary(s => s.Id);
        return new PagedResponse<LeadListItem>(page.Items.Select(i => new LeadListItem(i.Id, i.Names, i.ContactName, i.StageId,
            stageById.GetValueOrDefault(i.StageId)?.Name ?? "", stageById.GetValueOrDefault(i.StageId)?.Kind ?? PipelineStageKind.Open, i.Source, i.City, i.Dates,
            i.AssigneeId, i.AssigneeId is { } a ? names.GetValueOrDefault(a) : null, followUps.GetValueOrDefault(i.Id), i.CreatedAt, i.Version)).ToList(),
            page.Page, page.PageSize, page.TotalCount);
    }

    /// <summary>
    /// The board: every stage in order with its leads' cards. One query for the open leads' cards, one per closed column,
    /// one for the next follow-ups and one for the assignees' names, whatever the number of leads.
    /// </summary>
    public async Task<LeadBoardResponse> BoardAsync(CancellationToken cancellationToken)
    {
        var all = await stages.AllAsync(cancellationToken);
        var closed = all.Where(s => s.Kind is PipelineStageKind.Won or PipelineStageKind.Lost).Select(s => s.Id).ToList();
        var counts = await db.Leads.AsNoTracking().GroupBy(l => l.StageId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var cards = await CardsAsync(db.Leads.AsNoTracking().Where(l => !closed.Contains(l.StageId)), cancellationToken);
        foreach (var stageId in closed)
        {
            cards.AddRange(await CardsAsync(db.Leads.AsNoTracking().Where(l => l.StageId == stageId)
                .OrderByDescending(l => l.StageChangedAt).Take(ClosedColumnCards), cancellationToken));
        }
        var ids = cards.Select(c => c.Id).ToList();
        var followUps = await NextFollowUpsAsync(ids, cancellationToken);
        var names = await NamesAsync(cards.Select(c => c.AssigneeId), cancellationToken);
        var now = time.GetUtcNow();
        var byStage = cards.ToLookup(c => c.StageId);
        return new LeadBoardResponse(all.Select(stage => new LeadBoardColumn(stage.Id, stage.Name, stage.Kind, counts.GetValueOrDefault(stage.Id),
            byStage[stage.Id].OrderBy(c => stage.Kind is PipelineStageKind.Won or PipelineStageKind.Lost ? -c.StageChangedAt.ToUnixTimeMilliseconds() : c.Position)
                .ThenBy(c => c.Id)
                .Select(c => new LeadCard(c.Id, c.Names, c.Dates, c.City, c.GuestEstimate, c.Budget, c.Source, c.AssigneeId,
                    c.AssigneeId is { } a ? names.GetValueOrDefault(a) : null, Math.Max(0, (int)(now - c.StageChangedAt).TotalDays),
                    followUps.GetValueOrDefault(c.Id), c.Position, c.Version)).ToList())).ToList());
    }

    private sealed record CardRow(Guid Id, Guid StageId, string Names, List<DateOnly> Dates, string? City, int? GuestEstimate, BudgetBand? Budget,
        LeadSource Source, Guid? AssigneeId, DateTimeOffset StageChangedAt, double Position, long Version);

    private static Task<List<CardRow>> CardsAsync(IQueryable<Lead> leads, CancellationToken cancellationToken) =>
        leads.Select(l => new CardRow(l.Id, l.StageId, l.Names, l.Dates, l.City, l.GuestEstimate, l.Budget, l.Source, l.AssigneeId, l.StageChangedAt,
            l.Position, l.Version)).ToListAsync(cancellationToken);

    public async Task<LeadResponse> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var lead = await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw ApiException.NotFound("Lead");
        return await ToResponseAsync(lead, cancellationToken);
    }

    public async Task<LeadResponse> CreateAsync(LeadRequest request, CancellationToken cancellationToken)
    {
        var all = await stages.AllAsync(cancellationToken);
        var errors = new FieldErrors();
        var stage = request.StageId is { } stageId ? all.FirstOrDefault(s => s.Id == stageId) : all.First(s => s.Kind == PipelineStageKind.Open);
        if (stage is null || stage.Kind is PipelineStageKind.Won or PipelineStageKind.Lost)
        {
            errors.Add("stageId", stage is null ? "There is no such stage in your pipeline." : "A new lead goes in an open stage; mark it won or lost once it is in the pipeline.");
        }
        var now = time.GetUtcNow();
        var lead = new Lead { Names = "", ContactName = "", CreatedAt = now, StageChangedAt = now };
        await ApplyAsync(lead, request, errors, cancellationToken);
        lead.StageId = stage!.Id;
        lead.Position = await TopOfAsync(stage.Id, cancellationToken);
        db.Leads.Add(lead);
        Record(lead.Id, LeadActivityKind.Created, "Added by hand.");
        if (lead.AssigneeId is not null)
        {
            Record(lead.Id, LeadActivityKind.Assigned, $"Assigned to {await NameOfAsync(lead.AssigneeId.Value, cancellationToken)}.");
        }
        audit.Record("lead.created", nameof(Lead), lead.Id, lead.Names);
        changes.AfterCommit(lead.Id, "created");
        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(lead, cancellationToken);
    }

    public async Task<LeadResponse> UpdateAsync(Guid id, LeadRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw ApiException.NotFound("Lead");
        Concurrency.Expect(lead, expectedVersion, "lead");
        var assignee = lead.AssigneeId;
        var errors = new FieldErrors();
        await ApplyAsync(lead, request, errors, cancellationToken);
        if (lead.AssigneeId != assignee)
        {
            Record(lead.Id, LeadActivityKind.Assigned, lead.AssigneeId is { } now ? $"Assigned to {await NameOfAsync(now, cancellationToken)}." : "No longer assigned.");
        }
        changes.AfterCommit(lead.Id, "updated");
        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(lead, cancellationToken);
    }

    public async Task DeleteAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw ApiException.NotFound("Lead");
        Concurrency.Expect(lead, expectedVersion, "lead");
        db.Leads.Remove(lead);
        audit.Record("lead.deleted", nameof(Lead), lead.Id, lead.Names);
        changes.AfterCommit(lead.Id, "deleted");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A drag and drop: the lead to an open stage (or Proposal sent), between two cards of that column. Position is the
    /// midpoint of its neighbours', so one row changes; the column is renumbered when the gap runs out.
    /// </summary>
    public async Task<LeadResponse> MoveAsync(Guid id, LeadMoveRequest request, long? expectedVersion, CancellationToken cancellationToken)
    {
        var all = await stages.AllAsync(cancellationToken);
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw ApiException.NotFound("Lead");
        Concurrency.Expect(lead, expectedVersion, "lead");
        var errors = new FieldErrors();
        var to = all.FirstOrDefault(s => s.Id == request.StageId);
        if (to is null)
        {
            errors.Add("stageId", "There is no such stage in your pipeline.");
        }
        else if (to.Kind is PipelineStageKind.Won or PipelineStageKind.Lost)
        {
            errors.Add("stageId", to.Kind == PipelineStageKind.Won
                ? "Mark the lead won with “Won”: it makes the wedding."
                : "Mark the lead lost with “Lost”, giving the reason.");
        }
        var after = await NeighbourAsync(request.AfterId, id, to?.Id, "afterId", errors, cancellationToken);
        var before = await NeighbourAsync(request.BeforeId, id, to?.Id, "beforeId", errors, cancellationToken);
        if (after is not null && before is not null && after.Value >= before.Value)
        {
            errors.Add("beforeId", "The lead below must come after the lead above in the column.");
        }
        errors.ThrowIfAny();
        var from = all.First(s => s.Id == lead.StageId);
        if (from.Kind is PipelineStageKind.Won or PipelineStageKind.Lost)
        {
            throw ApiException.Conflict(from.Kind == PipelineStageKind.Won
                ? "This lead is won and is a wedding now; it cannot move back into the pipeline."
                : "This lead is lost. Open it again by moving it with “Reopen” first.");
        }
        var position = await PositionBetweenAsync(to!.Id, after, before, cancellationToken);
        lead.Position = position;
        if (from.Id != to.Id)
        {
            lead.StageId = to.Id;
            lead.StageChangedAt = time.GetUtcNow();
            Record(lead.Id, LeadActivityKind.StageChanged, $"Moved from {from.Name} to {to.Name}.", stageId: to.Id);
        }
        changes.AfterCommit(lead.Id, "moved");
        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(lead, cancellationToken);
    }

    /// <summary>A lost lead back to the first open stage, its reason kept in the timeline.</summary>
    public async Task<LeadResponse> ReopenAsync(Guid id, CancellationToken cancellationToken)
    {
        var all = await stages.AllAsync(cancellationToken);
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw ApiException.NotFound("Lead");
        var from = all.First(s => s.Id == lead.StageId);
        if (from.Kind != PipelineStageKind.Lost)
        {
            throw ApiException.Conflict("Only a lost lead can be reopened.");
        }
        var to = all.First(s => s.Kind == PipelineStageKind.Open);
        lead.StageId = to.Id;
        lead.StageChangedAt = time.GetUtcNow();
        lead.Position = await TopOfAsync(to.Id, cancellationToken);
        lead.LostReason = null;
        Record(lead.Id, LeadActivityKind.StageChanged, $"Reopened: moved from {from.Name} to {to.Name}.", stageId: to.Id);
        changes.AfterCommit(lead.Id, "moved");
        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(lead, cancellationToken);
    }

    public async Task<LeadResponse> LostAsync(Guid id, LeadLostRequest request, CancellationToken cancellationToken)
    {
        var all = await stages.AllAsync(cancellationToken);
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw ApiException.NotFound("Lead");
        var reason = request.Reason.TrimmedOrNull();
        if (reason is null)
        {
            throw new ValidationFailedException("reason", "Say why the lead was lost (another planner, the budget, the date…): it is what the conversion report learns from.");
        }
        var from = all.First(s => s.Id == lead.StageId);
        if (from.Kind is PipelineStageKind.Won or PipelineStageKind.Lost)
        {
            throw ApiException.Conflict(from.Kind == PipelineStageKind.Won ? "This lead is won and is a wedding now." : "This lead is already lost.");
        }
        var lost = all.First(s => s.Kind == PipelineStageKind.Lost);
        lead.StageId = lost.Id;
        lead.StageChangedAt = time.GetUtcNow();
        lead.Position = 0;
        lead.LostReason = reason;
        Record(lead.Id, LeadActivityKind.Lost, $"Lost: {reason}", stageId: lost.Id);
        changes.AfterCommit(lead.Id, "lost");
        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(lead, cancellationToken);
    }

    public async Task<List<LeadActivityResponse>> TimelineAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Leads.AnyAsync(l => l.Id == id, cancellationToken))
        {
            throw ApiException.NotFound("Lead");
        }
        var lines = await db.LeadActivities.AsNoTracking().Where(a => a.LeadId == id).ToListAsync(cancellationToken);
        var names = await NamesAsync(lines.Select(l => l.ByUserId).Concat(lines.Select(l => l.FollowUpUserId)), cancellationToken);
        return [.. lines.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => ToResponse(a, names))];
    }

    public async Task<LeadActivityResponse> AddActivityAsync(Guid id, LeadActivityRequest request, CancellationToken cancellationToken)
    {
        if (!await db.Leads.AnyAsync(l => l.Id == id, cancellationToken))
        {
            throw ApiException.NotFound("Lead");
        }
        var errors = new FieldErrors();
        var kind = request.Kind!.Value;
        if (kind is not (LeadActivityKind.Call or LeadActivityKind.Meeting or LeadActivityKind.WhatsApp or LeadActivityKind.Email or LeadActivityKind.Note))
        {
            errors.Add("kind", "Record a call, a meeting, a WhatsApp chat, an e-mail or a note; the rest of the timeline is written by the product.");
        }
        var text = request.Text.TrimmedOrNull();
        if (text is null && request.FollowUpAt is null)
        {
            errors.Add("text", "Write what was said or agreed, or ask for a follow-up.");
        }
        var now = time.GetUtcNow();
        if (request.FollowUpAt is { } due && (due < now.AddDays(-1) || due > now.AddYears(2)))
        {
            errors.Add("followUpAt", "Set the follow-up between today and two years from now.");
        }
        Guid? followUpUser = null;
        if (request.FollowUpAt is not null)
        {
            followUpUser = request.FollowUpUserId ?? currentUser.Required.Id;
            if (!await StaffWithLeadsAsync(followUpUser.Value, cancellationToken))
            {
                errors.Add("followUpUserId", "Choose someone of the studio who works on leads (an admin or a planner).");
            }
        }
        else if (request.FollowUpUserId is not null)
        {
            errors.Add("followUpAt", "Say when to follow up.");
        }
        errors.ThrowIfAny();
        var line = Record(id, kind, text, followUpAt: request.FollowUpAt, followUpUserId: followUpUser);
        changes.AfterCommit(id, "activity");
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(line, await NamesAsync([line.ByUserId, line.FollowUpUserId], cancellationToken));
    }

    public async Task<LeadActivityResponse> FollowUpDoneAsync(Guid id, Guid activityId, CancellationToken cancellationToken)
    {
        var line = await db.LeadActivities.FirstOrDefaultAsync(a => a.Id == activityId && a.LeadId == id, cancellationToken)
            ?? throw ApiException.NotFound("Follow-up");
        if (line.FollowUpAt is null)
        {
            throw ApiException.Conflict("This line of the timeline asks for no follow-up.");
        }
        line.FollowUpDoneAt ??= time.GetUtcNow();
        changes.AfterCommit(id, "activity");
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(line, await NamesAsync([line.ByUserId, line.FollowUpUserId], cancellationToken));
    }

    /// <summary>Other leads with the same phone or e-mail (the couple wrote twice, or through two sources), newest first.</summary>
    public async Task<List<LeadListItem>> DuplicatesAsync(Guid id, CancellationToken cancellationToken)
    {
        var lead = await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw ApiException.NotFound("Lead");
        var all = (await stages.AllAsync(cancellationToken)).ToDictionary(s => s.Id);
        var found = await DuplicatesOf(lead).OrderByDescending(l => l.CreatedAt).Take(20).ToListAsync(cancellationToken);
        var names = await NamesAsync(found.Select(f => f.AssigneeId), cancellationToken);
        var followUps = await NextFollowUpsAsync([.. found.Select(f => f.Id)], cancellationToken);
        return [.. found.Select(l => new LeadListItem(l.Id, l.Names, l.ContactName, l.StageId, all[l.StageId].Name, all[l.StageId].Kind, l.Source, l.City, l.Dates,
            l.AssigneeId, l.AssigneeId is { } a ? names.GetValueOrDefault(a) : null, followUps.GetValueOrDefault(l.Id), l.CreatedAt, l.Version))];
    }

    internal IQueryable<Lead> DuplicatesOf(Lead lead)
    {
        var (phone, email) = (lead.Phone, lead.Email?.ToLowerInvariant());
        var partnerEmail = lead.PartnerEmail?.ToLowerInvariant();
        return db.Leads.AsNoTracking().Where(l => l.Id != lead.Id && l.WeddingId == null
            && ((phone != null && l.Phone == phone) || (email != null && (l.Email == email || l.PartnerEmail == email))
                || (partnerEmail != null && (l.Email == partnerEmail || l.PartnerEmail == partnerEmail))));
    }

    /// <summary>
    /// Merges another lead into this one: where this lead has nothing, it takes the other's (dates and events are joined);
    /// the other's timeline moves here with a Merged line, and the other lead is deleted.
    /// </summary>
    public async Task<LeadResponse> MergeAsync(Guid id, LeadMergeRequest request, long? expectedVersion, CancellationToken cancellationToken)
    {
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw ApiException.NotFound("Lead");
        Concurrency.Expect(lead, expectedVersion, "lead");
        var otherId = request.OtherId!.Value;
        if (otherId == id)
        {
            throw new ValidationFailedException("otherId", "Choose another lead to merge into this one.");
        }
        var other = await db.Leads.FirstOrDefaultAsync(l => l.Id == otherId, cancellationToken) ?? throw ApiException.NotFound("Lead");
        if (other.WeddingId is not null)
        {
            throw ApiException.Conflict($"{other.Names} is won and is a wedding now: merge the other lead into it instead.");
        }
        if (lead.WeddingId is not null)
        {
            throw ApiException.Conflict("This lead is won and is a wedding now; its details no longer change.");
        }
        lead.Phone ??= other.Phone;
        lead.Email ??= other.Email;
        lead.PartnerName ??= other.PartnerName;
        lead.PartnerEmail ??= other.PartnerEmail;
        lead.City ??= other.City;
        lead.GuestEstimate ??= other.GuestEstimate;
        lead.Budget ??= other.Budget;
        lead.AssigneeId ??= other.AssigneeId;
        lead.Message = lead.Message is null ? other.Message
            : other.Message is null ? lead.Message : Clip($"{lead.Message}\n\n{other.Message}", 4000);
        lead.Dates = [.. lead.Dates.Union(other.Dates).Order().Take(MaxDates)];
        lead.Events = [.. lead.Events.Union(other.Events, StringComparer.OrdinalIgnoreCase).Take(MaxEvents)];
        lead.RefreshSearchText();
        await db.LeadActivities.Where(a => a.LeadId == other.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.LeadId, lead.Id), cancellationToken);
        Record(lead.Id, LeadActivityKind.Merged, $"Merged with {other.Names} (added {other.CreatedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}, source {ApiConventions.EnumName(other.Source)}).",
            subjectId: other.Id);
        db.Leads.Remove(other);
        audit.Record("lead.merged", nameof(Lead), lead.Id, $"{other.Id} merged into it");
        changes.AfterCommit(lead.Id, "merged");
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return await ToResponseAsync(lead, cancellationToken);
    }

    /// <summary>
    /// Leads created in the period (the studio's days) by source: won and lost are the leads' present state; days to win run
    /// from the inquiry to the Won line.
    /// </summary>
    public async Task<LeadConversionResponse> ConversionAsync(DateOnly? fromDay, DateOnly? toDay, CancellationToken cancellationToken)
    {
        var all = (await stages.AllAsync(cancellationToken)).ToDictionary(s => s.Id);
        var zone = await studio.TimeZoneAsync(cancellationToken);
        var today = await studio.TodayAsync(cancellationToken);
        var to = toDay ?? today;
        var from = fromDay ?? to.AddDays(-364);
        if (from > to)
        {
            throw new ValidationFailedException("from", "The period must start on or before its last day.");
        }
        var start = VenueTime.ToInstant(from.ToDateTime(TimeOnly.MinValue), zone, "from");
        var end = VenueTime.ToInstant(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone, "to");
        var leads = await db.Leads.AsNoTracking().Where(l => l.CreatedAt >= start && l.CreatedAt < end)
            .Select(l => new { l.Id, l.Source, l.StageId, l.CreatedAt }).ToListAsync(cancellationToken);
        var wonIds = leads.Where(l => all.GetValueOrDefault(l.StageId)?.Kind == PipelineStageKind.Won).Select(l => l.Id).ToList();
        var wonAt = wonIds.Count == 0 ? [] : await db.LeadActivities.AsNoTracking().Where(a => a.Kind == LeadActivityKind.Won && wonIds.Contains(a.LeadId))
            .GroupBy(a => a.LeadId).Select(g => new { g.Key, At = g.Max(a => a.At) }).ToDictionaryAsync(g => g.Key, g => g.At, cancellationToken);
        LeadSourceConversion Of(LeadSource source, IReadOnlyCollection<(Guid Id, Guid StageId, DateTimeOffset CreatedAt)> group)
        {
            var won = group.Where(l => all.GetValueOrDefault(l.StageId)?.Kind == PipelineStageKind.Won).ToList();
            var lost = group.Count(l => all.GetValueOrDefault(l.StageId)?.Kind == PipelineStageKind.Lost);
            var days = won.Where(l => wonAt.ContainsKey(l.Id)).Select(l => (wonAt[l.Id] - l.CreatedAt).TotalDays).Order().ToList();
            double? median = days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2;
            var percent = group.Count == 0 ? 0m : Math.Round(100m * won.Count / group.Count, 1, MidpointRounding.AwayFromZero);
            return new LeadSourceConversion(source, group.Count, won.Count, lost, percent, median is null ? null : Math.Round(median.Value, 1));
        }
        var rows = leads.Select(l => (l.Id, l.StageId, l.CreatedAt, l.Source)).ToList();
        var sources = rows.GroupBy(r => r.Source).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => Of(g.Key, [.. g.Select(r => (r.Id, r.StageId, r.CreatedAt))])).ToList();
        var total = rows.Count == 0 ? null : Of(LeadSource.Other, [.. rows.Select(r => (r.Id, r.StageId, r.CreatedAt))]) with { Source = LeadSource.Other };
        return new LeadConversionResponse(from, to, sources, total);
    }

    /// <summary>The checks of a request shared by the hand-entered lead and the inquiry form (whose fields are named the same).</summary>
    internal async Task ApplyAsync(Lead lead, LeadRequest request, FieldErrors errors, CancellationToken cancellationToken)
    {
        var phone = request.Phone.TrimmedOrNull() is { } number ? errors.Check(() => Messaging.PhoneNumbers.ToE164(number, "phone")) : null;
        var email = request.Email.TrimmedOrNull()?.ToLowerInvariant();
        if (email is not null)
        {
            errors.Check(() => EmailAddresses.Check(email, "email"));
        }
        if (phone is null && email is null && !errors.Has("phone") && !errors.Has("email"))
        {
            errors.Add("phone", "Give a phone number or an e-mail address, so the studio can reach you.");
        }
        var partnerEmail = request.PartnerEmail.TrimmedOrNull()?.ToLowerInvariant();
        if (partnerEmail is not null)
        {
            errors.Check(() => EmailAddresses.Check(partnerEmail, "partnerEmail"));
        }
        var dates = (request.Dates ?? []).Distinct().Order().ToList();
        if (dates.Any(d => d.Year is < 2000 or > 2100))
        {
            errors.Add("dates", "Give dates between the years 2000 and 2100.");
        }
        var events = (request.Events ?? []).Select(e => e.TrimmedOrNull()).ToList();
        if (events.Any(e => e is null || e.Length > 60))
        {
            errors.Add("events", "Name each event in at most 60 characters, like Mehendi or Sangeet.");
        }
        if (request.AssigneeId is { } assignee && !await StaffWithLeadsAsync(assignee, cancellationToken))
        {
            errors.Add("assigneeId", "Choose someone of the studio who works on leads (an admin or a planner).");
        }
        if (string.IsNullOrWhiteSpace(request.Names))
        {
            errors.Add("names", "Give the couple's names.");
        }
        if (string.IsNullOrWhiteSpace(request.ContactName))
        {
            errors.Add("contactName", "Give the name of the person to talk to.");
        }
        errors.ThrowIfAny();
        lead.Names = request.Names.Trim();
        lead.ContactName = request.ContactName.Trim();
        lead.Phone = phone;
        lead.Email = email;
        lead.PartnerName = request.PartnerName.TrimmedOrNull();
        lead.PartnerEmail = partnerEmail;
        lead.Dates = dates;
        lead.Events = [.. events.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];
        lead.City = request.City.TrimmedOrNull();
        lead.GuestEstimate = request.GuestEstimate;
        lead.Budget = request.Budget;
        lead.Source = request.Source ?? lead.Source;
        lead.Message = request.Message.TrimmedOrNull();
        lead.AssigneeId = request.AssigneeId;
        lead.RefreshSearchText();
    }

    internal LeadActivity Record(Guid leadId, LeadActivityKind kind, string? text, Guid? stageId = null, Guid? subjectId = null,
        DateTimeOffset? followUpAt = null, Guid? followUpUserId = null)
    {
        var line = new LeadActivity
        {
            LeadId = leadId, Kind = kind, At = time.GetUtcNow(), ByUserId = currentUser.User?.Id, Text = text, StageId = stageId, SubjectId = subjectId,
            FollowUpAt = followUpAt, FollowUpUserId = followUpUserId,
        };
        db.LeadActivities.Add(line);
        return line;
    }

    /// <summary>Above the first card of the column.</summary>
    internal async Task<double> TopOfAsync(Guid stageId, CancellationToken cancellationToken) =>
        (await db.Leads.Where(l => l.StageId == stageId).Select(l => (double?)l.Position).MinAsync(cancellationToken) ?? 1024) - 1024;

    private async Task<double?> NeighbourAsync(Guid? neighbourId, Guid leadId, Guid? stageId, string field, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (neighbourId is not { } id || stageId is null)
        {
            return null;
        }
        var position = id == leadId ? null : await db.Leads.Where(l => l.Id == id && l.StageId == stageId).Select(l => (double?)l.Position).FirstOrDefaultAsync(cancellationToken);
        if (position is null)
        {
            errors.Add(field, "That lead is not in the column the lead moves to; the board may have changed, so load it again.");
        }
        return position;
    }

    private async Task<double> PositionBetweenAsync(Guid stageId, double? after, double? before, CancellationToken cancellationToken)
    {
        switch (after, before)
        {
            case (null, null):
                return await TopOfAsync(stageId, cancellationToken);
            case (null, { } b):
                return b - 1024;
            case ({ } a, null):
                return a + 1024;
        }
        var (low, high) = (after!.Value, before!.Value);
        var middle = low + (high - low) / 2;
        if (middle > low && middle < high && high - low > 1e-6)
        {
            return middle;
        }
        // The gap has run out after many moves to the same place: spread the column again, keeping its order.
        var column = await db.Leads.Where(l => l.StageId == stageId).OrderBy(l => l.Position).ThenBy(l => l.Id).ToListAsync(cancellationToken);
        var above = column.FindLastIndex(c => c.Position <= low);
        for (var i = 0; i < column.Count; i++)
        {
            // A gap of two steps after the card above, where the moved card goes.
            column[i].Position = (i + 1) * 1024d + (i > above ? 1024d : 0);
        }
        return (above + 1) * 1024d + 1024d;
    }

    private async Task<bool> StaffWithLeadsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var role = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.Status == UserStatus.Active).Select(u => (Role?)u.Role).FirstOrDefaultAsync(cancellationToken);
        return role is { } r && Permissions.Has(r, Permissions.LeadView);
    }

    private async Task<string> NameOfAsync(Guid userId, CancellationToken cancellationToken) =>
        (await NamesAsync([userId], cancellationToken)).GetValueOrDefault(userId) ?? "someone";

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return wanted.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
    }

    /// <summary>Each lead's earliest open follow-up; a lead without one is not in it (so read with GetValueOrDefault: null, not year 1).</summary>
    private async Task<Dictionary<Guid, DateTimeOffset?>> NextFollowUpsAsync(List<Guid> leadIds, CancellationToken cancellationToken)
    {
        if (leadIds.Count == 0)
        {
            return [];
        }
        // Open follow-ups are few (a handful a lead at most): read them whole, the earliest per lead kept here.
        var open = await db.LeadActivities.AsNoTracking().Where(a => a.FollowUpAt != null && a.FollowUpDoneAt == null)
            .Select(a => new { a.LeadId, a.FollowUpAt }).ToListAsync(cancellationToken);
        var wanted = leadIds.ToHashSet();
        return open.Where(o => wanted.Contains(o.LeadId)).GroupBy(o => o.LeadId).ToDictionary(g => g.Key, g => (DateTimeOffset?)g.Min(o => o.FollowUpAt!.Value));
    }

    internal async Task<LeadResponse> ToResponseAsync(Lead lead, CancellationToken cancellationToken)
    {
        var all = await stages.AllAsync(cancellationToken);
        var stage = all.First(s => s.Id == lead.StageId);
        var assignee = lead.AssigneeId is { } a ? (await NamesAsync([a], cancellationToken)).GetValueOrDefault(a) : null;
        var duplicates = lead.WeddingId is null ? await DuplicatesOf(lead).CountAsync(cancellationToken) : 0;
        var next = (await NextFollowUpsAsync([lead.Id], cancellationToken)).GetValueOrDefault(lead.Id);
        return new LeadResponse(lead.Id, lead.Names, lead.ContactName, lead.Phone, lead.Email, lead.PartnerName, lead.PartnerEmail, lead.Dates, lead.Events,
            lead.City, lead.GuestEstimate, lead.Budget, lead.Source, lead.Message, lead.StageId, stage.Name, stage.Kind, lead.StageChangedAt, lead.AssigneeId,
            assignee, lead.LostReason, lead.WeddingId, duplicates, next, lead.Version, lead.CreatedAt, lead.UpdatedAt);
    }

    private static LeadActivityResponse ToResponse(LeadActivity a, Dictionary<Guid, string> names) => new(a.Id, a.LeadId, a.Kind, a.At, a.ByUserId,
        a.ByUserId is { } by ? names.GetValueOrDefault(by) : null, a.Text, a.StageId, a.SubjectId, a.FollowUpAt, a.FollowUpUserId,
        a.FollowUpUserId is { } f ? names.GetValueOrDefault(f) : null, a.FollowUpDoneAt);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
