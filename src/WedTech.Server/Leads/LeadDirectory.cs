using WedTech.Server.Identity;

namespace WedTech.Server.Leads;

internal sealed class LeadDirectory(TenantDbContext db, CurrentUser current, TimeProvider time) : ILeadDirectory
{
    public async Task<LeadContact?> FindAsync(Guid leadId, CancellationToken cancellationToken) =>
        await (from lead in db.Set<Lead>().AsNoTracking()
               join stage in db.Set<PipelineStage>() on lead.StageId equals stage.Id
               where lead.Id == leadId
               select new LeadContact(lead.Id, lead.Names, lead.ContactName, lead.Phone, lead.Email, lead.PartnerName, lead.PartnerEmail,
                   lead.Dates, lead.Events, lead.City, lead.GuestEstimate, lead.Source, lead.StageId, stage.Kind, lead.AssigneeId, lead.WeddingId, lead.Budget, stage.Name))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<LeadContact> RequireAsync(Guid leadId, CancellationToken cancellationToken) =>
        await FindAsync(leadId, cancellationToken) ?? throw ApiException.NotFound("Lead");

    public async Task RecordAsync(Guid leadId, LeadActivityKind kind, string text, Guid? subjectId, CancellationToken cancellationToken)
    {
        if (!await db.Leads.AnyAsync(l => l.Id == leadId, cancellationToken))
        {
            throw ApiException.NotFound("Lead");
        }
        db.LeadActivities.Add(new LeadActivity
        {
            LeadId = leadId, Kind = kind, At = time.GetUtcNow(), ByUserId = current.User?.Id, Text = text, SubjectId = subjectId,
        });
    }

    public async Task<bool> ReachedAsync(Guid leadId, PipelineStageKind kind, CancellationToken cancellationToken)
    {
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == leadId, cancellationToken) ?? throw ApiException.NotFound("Lead");
        var stages = await db.PipelineStages.AsNoTracking().ToListAsync(cancellationToken);
        var from = stages.First(s => s.Id == lead.StageId);
        var to = stages.FirstOrDefault(s => s.Kind == kind);
        if (to is null || from.Kind != PipelineStageKind.Open || from.Position >= to.Position)
        {
            return false;
        }
        Move(lead, from, to, null);
        return true;
    }

    public async Task<bool> MoveAsync(Guid leadId, Guid stageId, string why, CancellationToken cancellationToken)
    {
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == leadId, cancellationToken) ?? throw ApiException.NotFound("Lead");
        var stages = await db.PipelineStages.AsNoTracking().ToListAsync(cancellationToken);
        var from = stages.First(s => s.Id == lead.StageId);
        var to = stages.FirstOrDefault(s => s.Id == stageId);
        if (to is null || to.Id == from.Id || from.Kind is PipelineStageKind.Won or PipelineStageKind.Lost
            || to.Kind is PipelineStageKind.Won or PipelineStageKind.Lost)
        {
            return false;
        }
        Move(lead, from, to, why);
        return true;
    }

    public async Task<IReadOnlyList<LeadHappening>> HappenedAsync(IReadOnlyCollection<LeadActivityKind> kinds, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        await db.LeadActivities.AsNoTracking()
            .Where(a => kinds.Contains(a.Kind) && a.At >= since && a.At < until)
            .OrderBy(a => a.At)
            .Select(a => new LeadHappening(a.Id, a.LeadId, a.Kind, a.At, a.StageId, a.SubjectId))
            .ToListAsync(cancellationToken);

    public async Task FollowUpAsync(Guid leadId, Guid userId, DateTimeOffset at, string text, CancellationToken cancellationToken)
    {
        if (!await db.Leads.AnyAsync(l => l.Id == leadId, cancellationToken))
        {
            throw ApiException.NotFound("Lead");
        }
        db.LeadActivities.Add(new LeadActivity
        {
            LeadId = leadId, Kind = LeadActivityKind.Note, At = time.GetUtcNow(), ByUserId = current.User?.Id, Text = text, FollowUpAt = at, FollowUpUserId = userId,
        });
    }

    public async Task<IReadOnlyList<(Guid Id, string Name, PipelineStageKind Kind)>> StagesAsync(CancellationToken cancellationToken) =>
        [.. (await db.PipelineStages.AsNoTracking().OrderBy(s => s.Position).Select(s => new { s.Id, s.Name, s.Kind }).ToListAsync(cancellationToken))
            .Select(s => (s.Id, s.Name, s.Kind))];

    private void Move(Lead lead, PipelineStage from, PipelineStage to, string? why)
    {
        var now = time.GetUtcNow();
        lead.StageId = to.Id;
        lead.StageChangedAt = now;
        // To the top of the new column.
        lead.Position = -now.ToUnixTimeMilliseconds();
        db.LeadActivities.Add(new LeadActivity
        {
            LeadId = lead.Id, Kind = LeadActivityKind.StageChanged, At = now, ByUserId = current.User?.Id, StageId = to.Id,
            Text = why is null ? $"Moved from {from.Name} to {to.Name}." : $"Moved from {from.Name} to {to.Name}: {why}",
        });
    }
}
