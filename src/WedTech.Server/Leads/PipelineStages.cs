using WedTech.Server.Tenancy.Catalog;
using WedTech.Server.Tenancy.Provisioning;

namespace WedTech.Server.Leads;

/// <summary>The pipeline a studio starts with; the studio renames, orders and adds open stages as it works.</summary>
internal sealed class PipelineStagesSeeder(TimeProvider time) : ITenantSeeder
{
    public static readonly IReadOnlyList<(string Name, PipelineStageKind Kind)> Starting =
    [
        ("New", PipelineStageKind.Open),
        ("Contacted", PipelineStageKind.Open),
        ("Meeting", PipelineStageKind.Open),
        ("Proposal sent", PipelineStageKind.ProposalSent),
        ("Won", PipelineStageKind.Won),
        ("Lost", PipelineStageKind.Lost),
    ];

    public Task SeedAsync(TenantDbContext db, Tenant tenant, CancellationToken cancellationToken) => SeedAsync(db, time, cancellationToken);

    /// <summary>The starting pipeline, when the studio has no stages yet (at signup, or on first use for an older studio).</summary>
    internal static async Task SeedAsync(TenantDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await db.PipelineStages.AnyAsync(cancellationToken))
        {
            return;
        }
        var now = time.GetUtcNow();
        foreach (var (stage, position) in Starting.Select((s, i) => (s, i)))
        {
            db.PipelineStages.Add(new PipelineStage { Name = stage.Name, Kind = stage.Kind, Position = position, CreatedAt = now, UpdatedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
