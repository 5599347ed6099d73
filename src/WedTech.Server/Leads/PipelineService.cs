using WedTech.Server.Platform.Audit;

namespace WedTech.Server.Leads;

/// <summary>
/// The studio's pipeline: stages renamed, ordered, added and removed. There is always one Proposal sent, one Won and one Lost
/// stage (they cannot be added or deleted), at least one open stage (new inquiries land in the first), and Won and Lost stay
/// the last two columns.
/// </summary>
public sealed class PipelineService(TenantDbContext db, LeadStages stages, AuditLog audit, TimeProvider time, LeadsChanged changes)
{
    public const int MaxStages = 20;

    public async Task<List<PipelineStageResponse>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await stages.AllAsync(cancellationToken);
        var counts = await db.Leads.AsNoTracking().GroupBy(l => l.StageId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. all.Select(s => new PipelineStageResponse(s.Id, s.Name, s.Position, s.Kind, counts.GetValueOrDefault(s.Id), s.Version))];
    }

    public async Task<PipelineStageResponse> AddAsync(PipelineStageRequest request, CancellationToken cancellationToken)
    {
        var all = await stages.AllAsync(cancellationToken);
        var name = CheckName(request.Name, all, null);
        if (all.Count >= MaxStages)
        {
            throw ApiException.Conflict($"A pipeline has at most {MaxStages} stages; join two stages before adding another.");
        }
        // After the last open stage: before Proposal sent when it comes after them, and always before Won and Lost.
        var tracked = await db.PipelineStages.OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var lastOpen = tracked.FindLastIndex(s => s.Kind == PipelineStageKind.Open);
        var now = time.GetUtcNow();
        var stage = new PipelineStage { Name = name, Kind = PipelineStageKind.Open, CreatedAt = now, UpdatedAt = now };
        tracked.Insert(lastOpen + 1, stage);
        db.PipelineStages.Add(stage);
        Renumber(tracked);
        audit.Record("pipeline-stage.created", nameof(PipelineStage), stage.Id, stage.Name);
        changes.AfterCommit(null, "stages");
        await db.SaveChangesAsync(cancellationToken);
        stages.Forget();
        return new PipelineStageResponse(stage.Id, stage.Name, stage.Position, stage.Kind, 0, stage.Version);
    }

    public async Task<PipelineStageResponse> RenameAsync(Guid id, PipelineStageRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        var all = await stages.AllAsync(cancellationToken);
        var stage = await db.PipelineStages.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw ApiException.NotFound("Stage");
        Concurrency.Expect(stage, expectedVersion, "stage");
        stage.Name = CheckName(request.Name, all, id);
        changes.AfterCommit(null, "stages");
        await db.SaveChangesAsync(cancellationToken);
        stages.Forget();
        var count = await db.Leads.CountAsync(l => l.StageId == id, cancellationToken);
        return new PipelineStageResponse(stage.Id, stage.Name, stage.Position, stage.Kind, count, stage.Version);
    }

    public async Task<List<PipelineStageResponse>> ReorderAsync(PipelineOrderRequest request, CancellationToken cancellationToken)
    {
        await stages.AllAsync(cancellationToken);
        var tracked = await db.PipelineStages.ToListAsync(cancellationToken);
        var ids = request.StageIds ?? [];
        if (ids.Count != tracked.Count || ids.Distinct().Count() != ids.Count || ids.Any(i => tracked.All(s => s.Id != i)))
        {
            throw new ValidationFailedException("stageIds", "Give every stage of the pipeline once, in the new order.");
        }
        var ordered = ids.Select(i => tracked.First(s => s.Id == i)).ToList();
        if (ordered.TakeLast(2).Any(s => s.Kind is not (PipelineStageKind.Won or PipelineStageKind.Lost)))
        {
            throw new ValidationFailedException("stageIds", "Won and Lost stay the last two stages: they end a lead.");
        }
        Renumber(ordered);
        changes.AfterCommit(null, "stages");
        await db.SaveChangesAsync(cancellationToken);
        stages.Forget();
        return await ListAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes an open stage. Its leads go to <paramref name="moveTo"/> (another stage of the pipeline, not Won or Lost),
    /// kept in their order below that stage's leads; with leads and no stage named, the delete is refused.
    /// </summary>
    public async Task DeleteAsync(Guid id, Guid? moveTo, long? expectedVersion, CancellationToken cancellationToken)
    {
        var all = await stages.AllAsync(cancellationToken);
        var stage = await db.PipelineStages.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw ApiException.NotFound("Stage");
        Concurrency.Expect(stage, expectedVersion, "stage");
        if (stage.Kind != PipelineStageKind.Open)
        {
            throw ApiException.Conflict($"{stage.Name} cannot be deleted: the pipeline always has one Proposal sent, one Won and one Lost stage. Rename it instead.");
        }
        if (all.Count(s => s.Kind == PipelineStageKind.Open) == 1)
        {
            throw ApiException.Conflict("This is the only open stage, where new inquiries land: add another before deleting it.");
        }
        var leads = await db.Leads.Where(l => l.StageId == id).OrderBy(l => l.Position).ThenBy(l => l.Id).ToListAsync(cancellationToken);
        if (leads.Count > 0)
        {
            if (moveTo is not { } targetId)
            {
                throw ApiException.Conflict($"{stage.Name} has {leads.Count} {(leads.Count == 1 ? "lead" : "leads")}: say which stage they move to (moveTo).");
            }
            var target = all.FirstOrDefault(s => s.Id == targetId);
            if (target is null || target.Id == id || target.Kind is PipelineStageKind.Won or PipelineStageKind.Lost)
            {
                throw new ValidationFailedException("moveTo", "Choose another stage of the pipeline, not Won or Lost, for its leads.");
            }
            var bottom = await db.Leads.Where(l => l.StageId == targetId).Select(l => (double?)l.Position).MaxAsync(cancellationToken) ?? 0;
            var now = time.GetUtcNow();
            foreach (var lead in leads)
            {
                lead.StageId = targetId;
                lead.StageChangedAt = now;
                lead.Position = bottom += 1024;
                db.LeadActivities.Add(new LeadActivity
                {
                    LeadId = lead.Id, Kind = LeadActivityKind.StageChanged, At = now, StageId = targetId,
                    Text = $"Moved from {stage.Name} to {target.Name}: {stage.Name} was removed from the pipeline.",
                });
            }
        }
        else if (moveTo is { } unknown && all.All(s => s.Id != unknown))
        {
            throw new ValidationFailedException("moveTo", "There is no such stage in your pipeline.");
        }
        db.PipelineStages.Remove(stage);
        audit.Record("pipeline-stage.deleted", nameof(PipelineStage), stage.Id, $"{stage.Name} ({leads.Count} leads moved)");
        changes.AfterCommit(null, "stages");
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            var rest = await db.PipelineStages.OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(cancellationToken);
            Renumber(rest);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        stages.Forget();
    }

    private static string CheckName(string? given, IReadOnlyList<PipelineStage> all, Guid? self)
    {
        var name = given.TrimmedOrNull();
        if (name is null || name.Length > 60)
        {
            throw new ValidationFailedException("name", "Name the stage in 1 to 60 characters.");
        }
        if (all.Any(s => s.Id != self && string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ValidationFailedException("name", $"The pipeline already has a stage called {name}.");
        }
        return name;
    }

    private static void Renumber(List<PipelineStage> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Position != i)
            {
                ordered[i].Position = i;
            }
        }
    }
}
