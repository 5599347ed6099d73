using System.Security.Cryptography;
using System.Text;
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

    public Task SeedAsync(TenantDbContext db, Tenant tenant, CancellationToken cancellationToken) => SeedAsync(db, tenant.Id, time, cancellationToken);

    /// <summary>
    /// The starting pipeline, when the studio has no stages yet (at signup, or on first use for an older studio). Its stages'
    /// ids are the studio's own and always the same, so two first uses at once (the app loads the board and the stages
    /// together) insert the same rows: the second fails on them and keeps the first's, never a second pipeline.
    /// </summary>
    internal static async Task SeedAsync(TenantDbContext db, Guid tenantId, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await db.PipelineStages.AnyAsync(cancellationToken))
        {
            return;
        }
        var now = time.GetUtcNow();
        foreach (var (stage, position) in Starting.Select((s, i) => (s, i)))
        {
            db.PipelineStages.Add(new PipelineStage
            {
                Id = StartingStageId(tenantId, position), Name = stage.Name, Kind = stage.Kind, Position = position, CreatedAt = now, UpdatedAt = now,
            });
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A starting stage's id: derived from the studio and the stage's place (a version-8 GUID, as RFC 9562 allows for custom ones).</summary>
    internal static Guid StartingStageId(Guid tenantId, int position)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"wedtech:pipeline-stage:{tenantId:N}:{position}"));
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }
}
