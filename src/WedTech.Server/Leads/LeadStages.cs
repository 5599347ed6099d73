using WedTech.Server.Tenancy;

namespace WedTech.Server.Leads;

/// <summary>
/// The studio's pipeline stages, in order. A studio made before leads existed has none: the first use makes the starting
/// pipeline (<see cref="PipelineStagesSeeder"/>), as a new studio gets at signup.
/// </summary>
public sealed class LeadStages(TenantDbContext db, TenantContext tenant, TimeProvider time)
{
    private List<PipelineStage>? _all;

    public async Task<IReadOnlyList<PipelineStage>> AllAsync(CancellationToken cancellationToken)
    {
        if (_all is not null)
        {
            return _all;
        }
        var stages = await db.PipelineStages.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        if (stages.Count == 0)
        {
            await PipelineStagesSeeder.SeedAsync(db, tenant.Current.Id, time, cancellationToken);
            stages = await db.PipelineStages.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        }
        return _all = stages;
    }

    /// <summary>Forgets what was read, after the stages themselves changed.</summary>
    public void Forget() => _all = null;
}

/// <summary>Phone numbers as searched: the digits a planner types, whatever the spaces and dashes.</summary>
internal static class LeadPhones
{
    public static string DigitsOf(string text) => new([.. text.Where(char.IsAsciiDigit)]);
}
