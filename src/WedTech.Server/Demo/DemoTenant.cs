using Microsoft.AspNetCore.Identity;
using WedTech.Server.Identity;
using WedTech.Server.Events;
using WedTech.Server.Guests;
using WedTech.Server.Leads;
using WedTech.Server.Templates;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Provisioning;
using WedTech.Server.Venues;
using WedTech.Server.Weddings;

namespace WedTech.Server.Demo;

/// <summary>
/// The demo studio for local runs (Demo:Seed): provisioned through the real signup path, with a user for each role, a
/// venue book, a pipeline of leads in every stage, and weddings around the day it is made, each planned one with its guest list: one under way today with its run-of-show half done, one later
/// this week, the rest ahead or past. Its credentials are public by design; never enable it in production.
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

        var venues = Venues(now);
        db.Venues.AddRange(venues.Values);

        // The studio's day as the person trying the demo sees it: Ananya and Vikram's wedding is on, its event of this hour
        // under way; Kaveri and Aditya marry in five days; the rest are ahead, just booked or done.
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(Zone));
        var today = DateOnly.FromDateTime(local.DateTime);
        var north = BuiltInTemplates.All[0].Events;
        var liveDay = LiveDay(north, TimeOnly.FromDateTime(local.DateTime));
        (string Title, string Bride, string Groom, DateOnly FirstDay, string City, WeddingStatus Status, long BudgetRupees, int Guests, bool Coordinated, bool Client, int Template)[] weddings =
        [
            ("अनन्या और विक्रम", "अनन्या", "विक्रम", today.AddDays(-liveDay), "Jaipur", WeddingStatus.InProgress, 1_20_00_000, 500, true, false, 0),
            ("Kaveri & Aditya", "காவேரி", "ஆதித்யா", today.AddDays(5), "Chennai", WeddingStatus.Booked, 45_00_000, 250, true, false, 1),
            ("Priya & Rohan", "Priya Sharma", "Rohan Verma", today.AddDays(45), "Udaipur", WeddingStatus.Booked, 85_00_000, 350, true, true, 0),
            ("Simran & Kabir", "Simran Gill", "Kabir Sandhu", today.AddDays(160), "Amritsar", WeddingStatus.Inquiry, 60_00_000, 400, false, false, -1),
            ("Ishita & Neil", "Ishita Rao", "Neil D'Souza", today.AddDays(-30), "Goa", WeddingStatus.Completed, 38_00_000, 180, false, false, -1),
            ("Zoya & Arman", "Zoya Khan", "Arman Ali", today.AddDays(220), "Lucknow", WeddingStatus.Inquiry, 55_00_000, 300, false, false, -1),
        ];
        foreach (var w in weddings)
        {
            var plan = w.Template >= 0 ? BuiltInTemplates.All[w.Template].Events : [];
            var wedding = new Wedding
            {
                Title = w.Title, BrideName = w.Bride, GroomName = w.Groom, City = w.City, Status = w.Status,
                // The wedding's date is its ceremony's day.
                PrimaryDate = w.FirstDay.AddDays(plan.FirstOrDefault(e => e.Type == EventType.Ceremony)?.Day ?? 0),
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
            var events = TemplateEvents.EventsOf(plan, wedding.Id, w.FirstDay, Zone, now);
            foreach (var weddingEvent in events)
            {
                weddingEvent.VenueId = venues.GetValueOrDefault(w.City)?.Id;
                weddingEvent.Status = w.Status == WeddingStatus.InProgress ? EventStatus.Confirmed : EventStatus.Planned;
                if (w.Coordinated)
                {
                    weddingEvent.Team.Add(new EventTeamMember { EventId = weddingEvent.Id, UserId = users[Role.Coordinator].Id, Role = TeamRole.Coordinator });
                }
                if (w.Status == WeddingStatus.InProgress)
                {
                    RunSoFar(weddingEvent, now, users[Role.Coordinator].Id);
                }
            }
            db.Events.AddRange(events);
            if (events.Count > 0)
            {
                db.Households.AddRange(DemoGuests.For(wedding.Id, events, now));
            }
        }
        var stages = await db.PipelineStages.AsNoTracking().ToListAsync(cancellationToken);
        var (leads, timeline) = DemoLeads.For(stages, users[Role.Planner].Id, today, now);
        db.Leads.AddRange(leads);
        db.LeadActivities.AddRange(timeline);
        await db.SaveChangesAsync(cancellationToken);
    }

    private const string Zone = "Asia/Kolkata";

    /// <summary>
    /// The day of the plan to hold today: the one with an event at this time of day (or the next one to start today), so that
    /// whoever opens the demo finds a run-of-show under way; -1 (the wedding starts tomorrow) when no event is left today.
    /// </summary>
    internal static int LiveDay(IReadOnlyList<TemplateEvent> plan, TimeOnly now)
    {
        var on = plan.FirstOrDefault(e => now >= e.Start && now < e.Start.AddMinutes(e.DurationMinutes))
            ?? plan.Where(e => e.Start > now).MinBy(e => e.Start);
        // Late at night, after every event of the day: the wedding starts tomorrow morning, so the coming days are full.
        return on?.Day ?? -1;
    }

    /// <summary>What a coordinator has ticked off by now: items that ended are done, the one under way is started.</summary>
    private static void RunSoFar(WeddingEvent weddingEvent, DateTimeOffset now, Guid coordinator)
    {
        var offset = weddingEvent.StartsAt - new DateTimeOffset(weddingEvent.Start, TimeSpan.Zero);
        foreach (var item in weddingEvent.Items)
        {
            var starts = new DateTimeOffset(item.Start, TimeSpan.Zero) + offset;
            var ends = starts.AddMinutes(item.DurationMinutes);
            if (starts > now)
            {
                continue;
            }
            item.Status = ends <= now ? RunOfShowStatus.Done : RunOfShowStatus.InProgress;
            item.StatusChangedAt = ends <= now ? ends : starts;
            item.StatusChangedById = coordinator;
        }
        if (weddingEvent.EndsAt <= now)
        {
            weddingEvent.Status = EventStatus.Done;
        }
        else if (weddingEvent.StartsAt <= now)
        {
            weddingEvent.Status = EventStatus.InProgress;
        }
    }

    /// <summary>The studio's venue book: one venue in each city it works in.</summary>
    private static Dictionary<string, Venue> Venues(DateTimeOffset now)
    {
        Venue Venue(string name, string address, string city, string state, int capacity, string contact, string role, string phone)
        {
            var venue = new Venue
            {
                Name = name, Address = address, City = city, StateCode = state, Capacity = capacity, TimeZone = Zone,
                Contacts = [new VenueContact(contact, role, phone, null)], CreatedAt = now, UpdatedAt = now,
            };
            venue.RefreshSearchText();
            return venue;
        }
        return new[]
        {
            Venue("Rambagh Lawns", "Bhawani Singh Road", "Jaipur", "08", 800, "Rajendra Singh", "Banquet manager", "+91 98290 11223"),
            Venue("Kalakshetra Kalyana Mandapam", "Besant Nagar", "Chennai", "33", 600, "S. Lakshmi", "Hall manager", "+91 94440 22334"),
            Venue("Lake Pichola Palace", "Lake Pichola", "Udaipur", "08", 450, "Devendra Rathore", "Events lead", "+91 99280 33445"),
            Venue("Gurdwara Road Banquets", "Lawrence Road", "Amritsar", "03", 700, "Harpreet Kaur", "Owner", "+91 98140 44556"),
            Venue("Candolim Beach Lawns", "Candolim", "Goa", "30", 250, "Joanna Fernandes", "Events lead", "+91 98220 55667"),
            Venue("Chowk Haveli", "Hazratganj", "Lucknow", "09", 350, "Faraz Siddiqui", "Manager", "+91 94150 66778"),
        }.ToDictionary(v => v.City);
    }
}
