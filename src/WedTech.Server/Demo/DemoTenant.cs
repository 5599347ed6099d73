using Microsoft.AspNetCore.Identity;
using WedTech.Server.Identity;
using WedTech.Server.Events;
using WedTech.Server.Templates;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Provisioning;
using WedTech.Server.Weddings;

namespace WedTech.Server.Demo;

/// <summary>
/// The demo studio for local runs (Demo:Seed): provisioned through the real signup path, with a user
/// for each role and a few weddings, the nearer ones planned from the built-in templates. Its credentials are public by design; never enable it in production.
/// </summary>
public sealed class DemoTenant(ProvisioningService provisioning, TenantDirectory directory, IDatabaseProvider databases, IPasswordHasher<User> hasher, TimeProvider time)
{
    public const string Slug = "demo";
    public const string Password = "Demo-Wedding-2026";

    public static readonly IReadOnlyList<(Role Role, string Name, string Email)> People =
    [
        (Role.Admin, "Meera Kapoor", "admin@demo.wedtech.test"),
        (Role.Planner, "Arjun Mehta", "planner@demo.wedtech.test"),
        (Role.Coordinator, "Kavya Iyer", "coordinator@demo.wedtech.test"),
        (Role.Client, "Priya Sharma", "client@demo.wedtech.test"),
    ];

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var existing = await directory.FindBySlugAsync(Slug, cancellationToken);
        if (existing is { Status: not TenantStatus.Provisioning })
        {
            return;
        }
        var admin = People[0];
        var tenant = await provisioning.ProvisionAsync(
            new CreateTenantRequest("Saat Phere Weddings", Slug, admin.Name, admin.Email, Password, TenantPlan.Professional), cancellationToken);

        await using var db = databases.CreateTenantContext(tenant.DatabaseName);
        if (await db.Weddings.AnyAsync(cancellationToken))
        {
            return;
        }
        var now = time.GetUtcNow();
        var users = new Dictionary<Role, User>();
        foreach (var (role, name, email) in People.Skip(1))
        {
            var user = new User
            {
                Email = email, NormalizedEmail = User.Normalize(email), Name = name, Role = role, Status = UserStatus.Active, CreatedAt = now,
            };
            user.PasswordHash = hasher.HashPassword(user, Password);
            db.Users.Add(user);
            users[role] = user;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        (string Title, string Bride, string Groom, int InDays, string City, WeddingStatus Status, long BudgetRupees, int Guests, bool Coordinated, bool Client, int Template)[] weddings =
        [
            ("Priya & Rohan", "Priya Sharma", "Rohan Verma", 45, "Udaipur", WeddingStatus.Booked, 85_00_000, 350, true, true, 0),
            ("अनन्या और विक्रम", "अनन्या", "विक्रम", 12, "Jaipur", WeddingStatus.InProgress, 1_20_00_000, 500, true, false, 0),
            ("Kaveri & Aditya", "காவேரி", "ஆதித்யா", 90, "Chennai", WeddingStatus.Booked, 45_00_000, 250, false, false, 1),
            ("Simran & Kabir", "Simran Gill", "Kabir Sandhu", 160, "Amritsar", WeddingStatus.Inquiry, 60_00_000, 400, false, false, -1),
            ("Ishita & Neil", "Ishita Rao", "Neil D'Souza", -30, "Goa", WeddingStatus.Completed, 38_00_000, 180, false, false, -1),
            ("Zoya & Arman", "Zoya Khan", "Arman Ali", 220, "Lucknow", WeddingStatus.Inquiry, 55_00_000, 300, false, false, -1),
        ];
        foreach (var w in weddings)
        {
            var wedding = new Wedding
            {
                Title = w.Title, BrideName = w.Bride, GroomName = w.Groom, PrimaryDate = today.AddDays(w.InDays), City = w.City, Status = w.Status,
                EstimatedBudgetPaise = w.BudgetRupees * 100, GuestCountEstimate = w.Guests, CreatedAt = now, UpdatedAt = now,
            };
            wedding.RefreshSearchText();
            wedding.Team.Add(new WeddingTeamMember { WeddingId = wedding.Id, UserId = users[Role.Planner].Id, Role = TeamRole.LeadPlanner });
            if (w.Coordinated)
            {
                wedding.Team.Add(new WeddingTeamMember { WeddingId = wedding.Id, UserId = users[Role.Coordinator].Id, Role = TeamRole.Coordinator });
            }
            if (w.Client)
            {
                wedding.Team.Add(new WeddingTeamMember { WeddingId = wedding.Id, UserId = users[Role.Client].Id, Role = TeamRole.Client });
            }
            db.Weddings.Add(wedding);
            if (w.Template >= 0)
            {
                var plan = BuiltInTemplates.All[w.Template].Events;
                var events = TemplateEvents.EventsOf(plan, wedding.Id, wedding.PrimaryDate.AddDays(-Math.Max(0, plan.Max(e => e.Day) - 1)), "Asia/Kolkata", now);
                foreach (var weddingEvent in events.Where(_ => w.Coordinated))
                {
                    weddingEvent.Team.Add(new EventTeamMember { EventId = weddingEvent.Id, UserId = users[Role.Coordinator].Id, Role = TeamRole.Coordinator });
                }
                db.Events.AddRange(events);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
