using System.Globalization;
using WedTech.Server.Tenancy.Catalog;
using WedTech.Server.Tenancy.Provisioning;

namespace WedTech.Server.Templates;

/// <summary>Gives every new studio the built-in templates; a retried provisioning adds only those still missing.</summary>
internal sealed class BuiltInTemplatesSeeder(TimeProvider time) : ITenantSeeder
{
    public async Task SeedAsync(TenantDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var existing = await db.WeddingTemplates.Select(t => t.Name).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var template in BuiltInTemplates.All.Where(t => !existing.Contains(t.Name)))
        {
            db.WeddingTemplates.Add(new WeddingTemplate
            {
                Name = template.Name,
                Description = template.Description,
                Events = template.Events.ToList(),
                CreatedAt = now,
                UpdatedAt = now,
            });
        }
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

internal sealed record BuiltInTemplate(string Name, string Description, IReadOnlyList<TemplateEvent> Events);

/// <summary>
/// The two templates a studio starts with, written as a planner reads a run sheet: each event on its day (0 is the
/// first) from a local start to an end (past midnight when earlier than the start), each item at its clock time for
/// some minutes. <c>Couple</c> items are shared with the couple, <c>Staff</c> items are the studio's own, a
/// <c>Muhurat</c> is fixed (and shared).
/// </summary>
internal static class BuiltInTemplates
{
    public static readonly IReadOnlyList<BuiltInTemplate> All = [NorthIndian(), SouthIndian()];

    private static BuiltInTemplate NorthIndian() => new("North Indian 4-day",
        "Mehendi; haldi and sangeet; baraat and pheras at an evening muhurat; the reception the evening after.",
        [
            Event(0, EventType.Mehendi, "Mehendi", "15:00", "20:00", "Greens and yellows, festive casual", "Low seating on the lawn; shade for the artists.",
                Staff("13:00", 90, "Décor and low seating set up; mehendi stations", "Décor vendor", "Lawn", "Cushions and bolsters; a table fan at every station."),
                Staff("14:30", 30, "Sound check and playlist", "DJ", "Lawn", "Check generator fuel and the backup for the DJ console."),
                Couple("15:00", 30, "Guests arrive; welcome drinks", location: "Entrance"),
                Couple("15:30", 180, "Bride's mehendi", "Mehendi artist", "Bride's stage", "The bride's design takes about three hours; keep water and snacks by her."),
                Couple("15:45", 180, "Mehendi for family and guests", "Mehendi artists", "Lawn"),
                Couple("16:30", 60, "Hi-tea and chaat counters", "Caterer", "Lawn"),
                Couple("17:30", 45, "Dholki and family dances", location: "Lawn"),
                Couple("18:30", 60, "Dinner", "Caterer", "Lawn"),
                Couple("19:30", 30, "Return gifts; goodbyes", location: "Entrance"),
                Staff("20:00", 45, "Wind-up and vendor settlement", "Lead planner", notes: "Collect the mehendi artists' invoice; count the leftover return gifts.")),
            Event(1, EventType.Haldi, "Haldi", "10:00", "13:00", "Yellow; clothes that may stain", "Marble floors: protect them before the haldi starts.",
                Staff("08:30", 60, "Haldi stage, marigold décor and floor sheets", "Décor vendor", "Courtyard", "Plastic sheets under the stage and the walkway."),
                Staff("09:30", 20, "Towels, old clothes and hot water ready", "Coordinator", "Bride's room", "Hot water in the bride's and groom's rooms for afterwards."),
                Couple("10:00", 30, "Family gathers; breakfast", "Caterer", "Courtyard"),
                Couple("10:30", 45, "Haldi for the bride", location: "Courtyard"),
                Couple("11:15", 45, "Haldi for the groom", location: "Groom's side"),
                Couple("12:00", 30, "Phoolon ki holi with dhol", "Dhol players", "Courtyard"),
                Couple("12:30", 30, "Bride and groom leave to get ready", location: "Rooms"),
                Staff("12:30", 60, "Courtyard clean-up", "Housekeeping", "Courtyard")),
            Event(1, EventType.Sangeet, "Sangeet", "19:00", "23:30", "Indo-western glam", "Music off by 23:30: the venue's licence ends there.",
                Staff("15:00", 120, "Stage, LED wall and lights set up", "Production vendor", "Ballroom", "Check generator fuel: at least eight hours at full load."),
                Staff("17:30", 60, "Technical rehearsal and sound check", "Sound engineer", "Ballroom", "Play every performance track from the cue sheet once."),
                Staff("18:30", 30, "Performers' briefing; cue sheets handed out", "Choreographer", "Green room"),
                Couple("19:00", 45, "Guests arrive; cocktails and starters", "Caterer", "Foyer"),
                Couple("19:45", 15, "Couple's entry", location: "Ballroom"),
                Couple("20:00", 75, "Family performances", "Choreographer", "Stage", "Grandparents' act first, so that they can rest after."),
                Couple("21:15", 15, "Couple's performance", location: "Stage"),
                Couple("21:30", 120, "Dinner buffet", "Caterer", "Ballroom"),
                Couple("21:30", 105, "DJ and open dance floor", "DJ", "Ballroom"),
                Staff("23:15", 15, "Last song; lights up", "DJ", "Ballroom"),
                Staff("23:30", 60, "Pack-up and vendor settlement", "Lead planner", notes: "Sign off the production vendor's hours before they leave.")),
            Event(2, EventType.Baraat, "Baraat", "18:00", "19:45", "Safas for the groom's side", "Confirm the procession route and time with the hotel's security.",
                Staff("17:00", 45, "Band, ghodi and safa tying", "Baraat band", "Hotel gate", "Pay the ghodi handler in cash; keep the receipt."),
                Couple("17:30", 30, "Sehra bandi for the groom", location: "Groom's suite"),
                Staff("17:45", 15, "Fireworks safety check", "Production vendor", "Hotel gate", "Cold pyro only; a fire extinguisher with the crew."),
                Couple("18:00", 60, "Baraat procession with dhol and band", "Baraat band", "Hotel gate to the mandap lawn"),
                Couple("19:00", 20, "Milni: the families greet", location: "Entrance"),
                Couple("19:20", 25, "Jaimala", location: "Stage")),
            Event(2, EventType.Ceremony, "Pheras", "20:00", "23:30", "Traditional", "Pandit ji's samagri list checked against the kit the day before.",
                Staff("17:00", 120, "Mandap set up; havan kund, samagri and seating", "Décor vendor", "Mandap lawn", "Keep sand buckets by the havan kund."),
                Staff("19:30", 30, "Pandit ji arrives; confirm the muhurat", "Lead planner", "Mandap lawn"),
                Couple("20:00", 30, "Families seated at the mandap", location: "Mandap"),
                Couple("20:30", 45, "Kanyadaan", "Pandit ji", "Mandap"),
                Couple("21:00", 120, "Dinner for the baraat and guests", "Caterer", "Dining lawn"),
                Muhurat("21:30", 45, "Pheras (muhurat)", "Pandit ji", "Mandap", "Fixed by the pandit; everything else moves around it."),
                Couple("22:15", 15, "Sindoor and mangalsutra", "Pandit ji", "Mandap"),
                Couple("22:30", 30, "Blessings from the elders; family photos", "Photographer", "Mandap"),
                Couple("23:00", 30, "Joota chhupai", location: "Mandap"),
                Staff("23:30", 45, "Mandap clear-up; rented items returned", "Décor vendor", "Mandap lawn", "Count the brass and silverware against the rental list.")),
            Event(3, EventType.Reception, "Reception", "19:30", "23:30", "Formal or Indo-western", "Gifts and envelopes go to the family only through the lead planner.",
                Staff("16:30", 120, "Stage and floral backdrop set up", "Décor vendor", "Ballroom", "Check generator fuel and the backup for the LED wall."),
                Staff("18:30", 30, "Stage lighting and photo booth check", "Photographer", "Ballroom"),
                Couple("19:00", 30, "Couple gets ready", location: "Suite"),
                Couple("19:30", 30, "Guests arrive; welcome drinks and starters", "Caterer", "Foyer"),
                Couple("20:00", 15, "Couple's entry", location: "Ballroom"),
                Couple("20:15", 15, "Cake cutting and toast", location: "Stage"),
                Couple("20:30", 120, "Guests greet the couple on stage; photos", "Photographer", "Stage"),
                Couple("21:00", 135, "Dinner buffet", "Caterer", "Ballroom"),
                Couple("21:30", 105, "DJ and dance floor", "DJ", "Ballroom"),
                Couple("23:15", 15, "Send-off", location: "Entrance"),
                Staff("23:30", 60, "Gifts and envelopes handed over; vendor settlement", "Lead planner",
                    notes: "Two staff count the shagun envelopes with a family member and both sign the handover sheet.")),
        ]);

    private static BuiltInTemplate SouthIndian() => new("South Indian 1-day",
        "An early-morning muhurtham, the wedding lunch on banana leaf, and the reception in the evening.",
        [
            Event(0, EventType.Ceremony, "Muhurtham", "05:00", "10:00", "Silk sarees and veshtis", "The priest fixes the muhurtham; confirm it with him the evening before.",
                Staff("03:30", 60, "Mandapam, banana trees and kolam finished", "Décor vendor", "Mandapam", "Check generator fuel: the mandapam lights run from 03:30."),
                Staff("04:00", 30, "Nadaswaram and thavil set up", "Nadaswaram troupe", "Mandapam"),
                Couple("05:00", 30, "Families arrive; filter coffee", "Caterer", "Hall"),
                Couple("05:30", 30, "Vratham and Kashi yatra", "Priest", "Mandapam"),
                Couple("06:00", 20, "Maalai maatral (garland exchange)", location: "Mandapam"),
                Couple("06:20", 20, "Oonjal", location: "Swing"),
                Couple("06:40", 30, "Kanyadaanam", "Priest", "Mandapam"),
                Muhurat("07:15", 15, "Muhurtham: mangalya dharanam", "Priest", "Mandapam", "Fixed by the priest; cue the nadaswaram for the getti melam."),
                Couple("07:30", 20, "Saptapadi", "Priest", "Mandapam"),
                Couple("07:30", 90, "Breakfast: idli, pongal and vada", "Caterer", "Dining hall"),
                Couple("07:50", 40, "Akshatai blessings from the elders; photos", "Photographer", "Mandapam"),
                Couple("09:00", 60, "Guests greet the couple", location: "Stage"),
                Staff("10:00", 60, "Mandapam cleared for the lunch", "Housekeeping", "Mandapam", "Keep the flowers for the temple offering.")),
            Event(0, EventType.Custom, "Wedding lunch", "11:30", "14:30", null, "Count banana leaves against the RSVPs plus fifteen per cent.",
                Staff("10:30", 45, "Banana-leaf rows laid in the dining hall", "Caterer", "Dining hall"),
                Staff("11:00", 30, "Water, payasam and buttermilk counters checked", "Coordinator", "Dining hall"),
                Couple("11:30", 120, "Lunch in batches on banana leaf", "Caterer", "Dining hall"),
                Couple("12:00", 15, "Couple's first meal together", location: "Dining hall"),
                Couple("13:30", 60, "Thamboolam bags at the exit", location: "Exit"),
                Staff("14:00", 30, "Caterer settlement; leftover food to the shelter", "Lead planner", notes: "Call the shelter by 13:00 to confirm the pick-up.")),
            Event(0, EventType.Reception, "Reception", "18:30", "22:30", "Formal", "Gifts and envelopes go to the family only through the lead planner.",
                Staff("16:00", 120, "Stage, flowers and lighting", "Décor vendor", "Hall", "Check generator fuel before 18:00."),
                Staff("17:30", 45, "Light-music band sound check", "Music band", "Hall"),
                Couple("18:30", 30, "Guests arrive", location: "Entrance"),
                Couple("19:00", 15, "Couple's entry", location: "Stage"),
                Couple("19:15", 150, "Guests greet the couple on stage; photos", "Photographer", "Stage"),
                Couple("19:15", 150, "Live music", "Music band", "Hall"),
                Couple("19:30", 150, "Dinner buffet", "Caterer", "Dining hall"),
                Couple("22:00", 30, "Send-off", location: "Entrance"),
                Staff("22:30", 60, "Gifts and envelopes handed over; vendor settlement", "Lead planner",
                    notes: "Two staff count the envelopes with a family member and both sign the handover sheet.")),
        ]);

    private sealed record Step(string At, int Minutes, string Title, string? Owner, string? Location, string? Notes, bool IsFixed, bool IsShared);

    private static Step Couple(string at, int minutes, string title, string? owner = null, string? location = null, string? notes = null) =>
        new(at, minutes, title, owner, location, notes, IsFixed: false, IsShared: true);

    private static Step Staff(string at, int minutes, string title, string? owner = null, string? location = null, string? notes = null) =>
        new(at, minutes, title, owner, location, notes, IsFixed: false, IsShared: false);

    private static Step Muhurat(string at, int minutes, string title, string? owner = null, string? location = null, string? notes = null) =>
        new(at, minutes, title, owner, location, notes, IsFixed: true, IsShared: true);

    private static TemplateEvent Event(int day, EventType type, string name, string start, string end, string? dressCode, string? notes, params Step[] steps)
    {
        var from = Clock(start);
        // TimeOnly subtraction runs forward round the clock: 19:00 → 01:00 is six hours.
        var duration = (int)(Clock(end) - from).TotalMinutes;
        var items = steps.Select(step =>
        {
            var offset = (int)(Clock(step.At) - from).TotalMinutes;
            // Items are within twelve hours either side of the start: set-up before it is a negative offset.
            offset = offset > 12 * 60 ? offset - 24 * 60 : offset;
            return new TemplateItem(offset, step.Minutes, step.Title, step.Owner, step.Location, step.Notes, step.IsFixed, step.IsShared);
        }).OrderBy(item => item.OffsetMinutes).ToList();
        return new TemplateEvent(day, type, name, from, duration, dressCode, null, notes, items);
    }

    private static TimeOnly Clock(string time) => TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture);
}
