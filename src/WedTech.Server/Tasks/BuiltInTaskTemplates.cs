using WedTech.Server.Tenancy.Catalog;
using WedTech.Server.Tenancy.Provisioning;

namespace WedTech.Server.Tasks;

/// <summary>The checklists every studio starts with; a studio may change or remove them.</summary>
public static class BuiltInTaskTemplates
{
    private static TaskTemplateItem Days(string title, int daysBefore, TaskPriority priority = TaskPriority.Normal, TeamRole? role = TeamRole.LeadPlanner,
        string? description = null, params string[] checklist) =>
        new(title, description, priority, daysBefore, null, null, checklist.Length == 0 ? null : checklist, role);

    private static TaskTemplateItem Before(string title, EventType type, int minutesBefore, TeamRole? role = TeamRole.Coordinator, params string[] checklist) =>
        new(title, null, TaskPriority.High, null, type, minutesBefore, checklist.Length == 0 ? null : checklist, role);

    public static readonly IReadOnlyList<(string Key, string Name, string Description, IReadOnlyList<TaskTemplateItem> Items)> All =
    [
        ("north-indian-6-months", "North Indian wedding — 6 months", "From six months out to the day after: venue, vendors, the couple's outfits, guests and the functions.",
        [
            Days("Confirm the budget and the guest estimate with both families", 180, TaskPriority.High),
            Days("Book the venues for the functions", 170, TaskPriority.Urgent, checklist: ["Site visits", "Compare quotes", "Pay the advance", "Signed agreement on file"]),
            Days("Fix the muhurat with the family pandit", 165, TaskPriority.High, TeamRole.Client),
            Days("Book the caterer and plan the tasting", 150, TaskPriority.High, checklist: ["Shortlist three caterers", "Tasting", "Menu per function"]),
            Days("Book the decorator and agree the mood boards", 140),
            Days("Book the photographer and videographer", 135),
            Days("Block hotel rooms for outstation guests", 120, TaskPriority.High),
            Days("Choose the bridal lehenga and the groom's sherwani", 120, TaskPriority.Normal, TeamRole.Client),
            Days("Book the mehendi artist and the make-up artist", 110),
            Days("Book the DJ, dhol and the sangeet choreographer", 100),
            Days("Send save-the-dates", 90, TaskPriority.Normal, TeamRole.Client),
            Days("Finalise the guest list with both families", 75, TaskPriority.High, TeamRole.Client),
            Days("Order the wedding cards", 70),
            Days("Book the baraat ghodi or vintage car and the band", 60),
            Days("Plan guest travel: flights, trains and pickups", 45, checklist: ["Collect arrival details", "Book the vehicles", "Airport desk"]),
            Days("Send the invitations and open RSVPs", 40),
            Days("Confirm the pandit's samagri list", 30),
            Days("Final fittings for the outfits", 20, TaskPriority.Normal, TeamRole.Client),
            Days("Room list to the hotel and welcome hampers", 14),
            Days("Seating plan for the reception", 10),
            Days("Run-of-show for every function shared with vendors", 7, TaskPriority.High),
            Days("Final headcount to the caterer", 5, TaskPriority.Urgent),
            Before("Décor walkthrough at the sangeet venue", EventType.Sangeet, 240, TeamRole.Coordinator, "Stage", "Lights", "Sound check"),
            Before("Mehendi cones, cushions and music ready", EventType.Mehendi, 120),
            Before("Baraat assembly point and band on time", EventType.Baraat, 60),
            Before("Mandap, samagri and pheras seating checked", EventType.Ceremony, 180),
            Days("Settle vendor balances and collect the décor", -1, TaskPriority.High),
        ]),
        ("destination-3-months", "Destination wedding — 3 months", "A tighter plan for a destination wedding: travel and rooms first, then the functions.",
        [
            Days("Sign the resort and block the rooms", 90, TaskPriority.Urgent),
            Days("Send the travel note to guests with the dates", 85, TaskPriority.High),
            Days("Book the flights or charter for the family", 80),
            Days("Book the local decorator and caterer", 75),
            Days("Book the photographer with travel and stay", 70),
            Days("Collect guests' ID documents for the resort", 45),
            Days("Plan airport pickups", 30),
            Days("Room list and welcome kits to the resort", 14),
            Days("Run-of-show for every function", 7, TaskPriority.High),
            Before("Sound check at the sangeet", EventType.Sangeet, 180),
            Days("Check-out, settlement with the resort", -1, TaskPriority.High),
        ]),
    ];
}

/// <summary>A new studio starts with the built-in checklists (and a studio seeded again gets the ones it lacks by name).</summary>
internal sealed class BuiltInTaskTemplatesSeeder(TimeProvider time) : ITenantSeeder
{
    public async Task SeedAsync(TenantDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var existing = await db.TaskTemplates.Select(t => t.BuiltInKey).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var (key, name, description, items) in BuiltInTaskTemplates.All.Where(t => !existing.Contains(t.Key)))
        {
            db.TaskTemplates.Add(new TaskTemplate { Name = name, Description = description, BuiltInKey = key, Items = [.. items], CreatedAt = now, UpdatedAt = now });
        }
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
