using System.Globalization;
using MiniExcelLibs;
using WedTech.Server.Events;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Pdf;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Guests;

public enum CatererSheetFormat { Pdf, Xlsx }

/// <summary>
/// What the caterer needs of an event, or of every event: the places coming by food and age group (the numbers of the
/// headcounts), how many more may still come, and each allergy with whose it is. Names, food and counts only: never a
/// phone, an e-mail or an address, so whoever may see the guest list may hand it on. Made on request, never stored.
/// </summary>
public sealed class CatererSheet(
    TenantDbContext db, GuestService guests, IWeddingEvents events, IWeddingDirectory weddings, IStudioSettings studio, AuditLog audit, TimeProvider time)
{
    /// <summary>The rows of food, in the order a caterer plans, and the headcounts' key of each.</summary>
    private static readonly (string Key, string Label)[] Foods =
    [
        .. Enum.GetValues<Diet>().Select(diet => (ApiJson.EnumName(diet), FoodWord(diet))), (Headcounts.NotKnown, "Food not stated"),
    ];

    private static readonly (string Key, string Label)[] Ages =
    [
        (ApiJson.EnumName(AgeGroup.Adult), "Adults"), (ApiJson.EnumName(AgeGroup.Child), "Children"), (ApiJson.EnumName(AgeGroup.Infant), "Infants"),
        (Headcounts.NotKnown, "Age not stated"),
    ];

    private static readonly PdfColumn[] CountColumns = [new("Food", 150), new("Places", 107.5f), new("Age", 150), new("Places", 107.5f)];

    private static readonly PdfColumn[] AllergyColumns = [new("Guest", 130), new("Household", 120), new("Food", 70), new("Allergies", 135), new("Coming", 60)];

    /// <summary>A guest's allergies at one event, with whether they are sure to come or may come (not answered, or one of a headcount).</summary>
    public sealed record Allergy(string Guest, string Household, Diet? Diet, string Allergies, bool Confirmed);

    /// <summary>One event of the sheet: the event, its counts and the allergies of those coming or who may come.</summary>
    public sealed record Section(EventOfWedding Event, EventHeadcount Counts, IReadOnlyList<Allergy> Allergies);

    public async Task<GuestExport.File> MakeAsync(Guid weddingId, Guid? eventId, CatererSheetFormat format, CancellationToken cancellationToken)
    {
        var counts = await guests.HeadcountsAsync(weddingId, cancellationToken);
        var weddingEvents = await events.OfWeddingAsync(weddingId, cancellationToken);
        if (eventId is { } id && weddingEvents.TrueForAll(e => e.Id != id))
        {
            throw ApiException.NotFound("Event");
        }
        var chosen = eventId is null ? weddingEvents.Where(e => counts.Events.Any(c => c.EventId == e.Id && c.Households > 0)).ToList()
            : weddingEvents.Where(e => e.Id == eventId).ToList();
        var households = await db.Households.AsNoTracking().Include(h => h.Members).Include(h => h.Invitations).AsSplitQuery()
            .Where(h => h.WeddingId == weddingId).OrderBy(h => h.DisplayName).ThenBy(h => h.Id).ToListAsync(cancellationToken);
        var sections = chosen.Select(e => new Section(e, counts.Events.First(c => c.EventId == e.Id), AllergiesAt(e.Id, households))).ToList();
        var weddingTitle = (await weddings.TitlesAsync([weddingId], cancellationToken)).GetValueOrDefault(weddingId) ?? throw ApiException.NotFound("Wedding");
        var studioName = await studio.CompanyNameAsync(cancellationToken);
        var madeAt = ReportPdf.MadeAt(time.GetUtcNow(), await studio.TimeZoneAsync(cancellationToken));
        audit.Record("guests.caterer-sheet", "Wedding", weddingId, $"{ApiJson.EnumName(format)}: {(eventId is null ? "every event" : chosen[0].Name)}");
        await db.SaveChangesAsync(cancellationToken);

        var name = "caterer-sheet-" + (eventId is null ? time.GetUtcNow().UtcDateTime : chosen[0].Start).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var content = new MemoryStream();
        if (format == CatererSheetFormat.Xlsx)
        {
            await WriteXlsxAsync(content, sections, weddingTitle, studioName, madeAt, cancellationToken);
            return new GuestExport.File($"{name}.xlsx", GuestExport.XlsxContentType, content.ToArray());
        }
        using (var pdf = new ReportPdf())
        {
            Draw(pdf, sections, weddingTitle, studioName);
            pdf.Save(content, $"Caterer's sheet: {weddingTitle}", $"Caterer's sheet · {weddingTitle} · {studioName} · made {madeAt}");
        }
        return new GuestExport.File($"{name}.pdf", "application/pdf", content.ToArray());
    }

    /// <summary>The allergies of the members invited to the event who are coming or may come, by household.</summary>
    internal static List<Allergy> AllergiesAt(Guid eventId, IEnumerable<Household> households) =>
    [
        .. from household in households
           let invitation = household.Invitations.Find(i => i.EventId == eventId)
           where invitation is not null && invitation.Answer != RsvpAnswer.Declined
           from member in household.Members.OrderBy(m => m.Position)
           where !string.IsNullOrWhiteSpace(member.Allergies) && (invitation.Guests.Count == 0 || invitation.Guests.Contains(member.Id))
           let own = invitation.Members.Find(m => m.GuestId == member.Id)?.Answer
           where own != RsvpAnswer.Declined
           select new Allergy(member.Name ?? $"Guest of {member.GuestOf}", household.DisplayName, member.Diet, member.Allergies!.Trim(), own == RsvpAnswer.Attending),
    ];

    private static void Draw(ReportPdf pdf, List<Section> sections, string weddingTitle, string studioName)
    {
        if (sections.Count == 0)
        {
            pdf.Line("Caterer's sheet", 18, bold: true, gap: 4);
            pdf.Line($"{weddingTitle} · {studioName}", 12, gap: 10);
            pdf.Line("Nobody is invited to an event of this wedding yet.");
            return;
        }
        for (var i = 0; i < sections.Count; i++)
        {
            if (i > 0)
            {
                pdf.NewPage();
            }
            var (e, counts, allergies) = sections[i];
            pdf.Line($"Caterer's sheet — {e.Name}", 18, bold: true, gap: 4);
            pdf.Line($"{weddingTitle} · {studioName}", 12, gap: 8);
            pdf.Line(When(e));
            pdf.Line($"Venue: {e.VenueName ?? "not set"}", gap: 12);
            pdf.Line($"Coming: {Places(counts.Attending)}", 15, bold: true, gap: 4);
            pdf.Line(counts.Pending > 0 ? $"Up to {Places(counts.Pending)} more may come: they have not answered yet." : "Everyone invited has answered.", gap: 12);
            void Continued(ReportPdf page) => page.Line($"Caterer's sheet — {e.Name} (continued)", 9, muted: true, gap: 8);
            pdf.Table(CountColumns, CountRows(counts), Continued);
            pdf.Space(14);
            pdf.Line("Allergies", 13, bold: true);
            if (allergies.Count == 0)
            {
                pdf.Line("No allergies given by those coming or who may come.");
                continue;
            }
            pdf.Table(AllergyColumns, allergies.Select(a => new PdfRow(
            [
                [new(a.Guest, Bold: true)], [new(a.Household)], [new(a.Diet is { } diet ? FoodWord(diet) : "—")], [new(a.Allergies)],
                [new(a.Confirmed ? "Coming" : "May come")],
            ], Highlight: a.Confirmed)), Continued);
        }
    }

    /// <summary>The places coming by food beside those by age group, a row for each food.</summary>
    private static IEnumerable<PdfRow> CountRows(EventHeadcount counts) => Foods.Select((food, i) => new PdfRow(
    [
        [new(food.Label)], [new(IndianFormat.Count(Count(counts.ByDiet, food.Key)), Bold: true)],
        i < Ages.Length ? [new(Ages[i].Label)] : [], i < Ages.Length ? [new(IndianFormat.Count(Count(counts.ByAgeGroup, Ages[i].Key)), Bold: true)] : [],
    ]));

    private static async Task WriteXlsxAsync(Stream content, List<Section> sections, string weddingTitle, string studioName, string madeAt,
        CancellationToken cancellationToken)
    {
        // A column per event, a row per count: the caterer reads one event down, or one count across the events.
        var headers = new List<string> { "What" };
        foreach (var section in sections)
        {
            headers.Add(GuestExport.Unique(section.Event.Name, headers));
        }
        IReadOnlyList<object?> Row(string what, Func<Section, object?> value) => [what, .. sections.Select(value)];
        List<IReadOnlyList<object?>> counts =
        [
            Row("Studio", _ => studioName),
            Row("Wedding", _ => weddingTitle),
            Row("When", s => When(s.Event)),
            Row("Venue", s => s.Event.VenueName),
            Row("Coming (places)", s => s.Counts.Attending),
            .. Foods.Select(food => Row(food.Label, s => Count(s.Counts.ByDiet, food.Key))),
            .. Ages.Select(age => Row(age.Label, s => Count(s.Counts.ByAgeGroup, age.Key))),
            Row("Up to this many more may come (not answered yet)", s => s.Counts.Pending),
            Row("Made", _ => madeAt),
        ];
        var allergies = sections.SelectMany(s => s.Allergies.Select(a => (IReadOnlyList<object?>)[s.Event.Name, a.Guest, a.Household, a.Diet is { } diet ? FoodWord(diet) : null,
            a.Allergies, a.Confirmed ? "Coming" : "May come"]));
        await content.SaveAsAsync(new Dictionary<string, object>
        {
            ["Headcount"] = GuestExport.Sheet(headers, counts),
            ["Allergies"] = GuestExport.Sheet(["Event", "Guest", "Household", "Food", "Allergies", "Coming"], allergies),
        }, cancellationToken: cancellationToken);
    }

    private static int Count(IReadOnlyList<HeadcountGroup> groups, string key) => groups.FirstOrDefault(g => g.Key == key)?.Attending ?? 0;

    /// <summary>When the event is, on the venue's clock: "Saturday, 24 Nov 2026, 19:00 – 23:00".</summary>
    private static string When(EventOfWedding e) =>
        string.Create(CultureInfo.InvariantCulture, $"{e.Start:dddd}, {IndianFormat.Date(DateOnly.FromDateTime(e.Start))}, {e.Start:HH:mm} – {e.End:HH:mm}");

    private static string Places(int count) => $"{IndianFormat.Count(count)} {(count == 1 ? "place" : "places")}";

    private static string FoodWord(Diet diet) => diet switch
    {
        Diet.Veg => "Veg",
        Diet.Jain => "Jain",
        Diet.Eggetarian => "Eggetarian",
        Diet.NonVeg => "Non-veg",
        _ => "Vegan",
    };
}
