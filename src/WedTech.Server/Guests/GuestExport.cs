using WedTech.Server.Weddings;
using System.Globalization;
using MiniExcelLibs;
using WedTech.Server.Events;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Spreadsheets;

namespace WedTech.Server.Guests;

public enum GuestExportFormat { Xlsx, Csv }

/// <summary>
/// The guest list as a file for the studio: XLSX with a sheet of guests and a sheet per event (households, places,
/// answers, diets), or the guests as CSV. It holds personal data, so only those with guest:export get it, and each export
/// is in the audit log.
/// </summary>
public sealed class GuestExport(TenantDbContext db, IWeddingDirectory weddings, IWeddingEvents events, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public sealed record File(string FileName, string ContentType, byte[] Content);

    internal const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<File> ExportAsync(Guid weddingId, GuestExportFormat format, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var weddingEvents = await events.OfWeddingAsync(weddingId, cancellationToken);
        var households = await db.Households.AsNoTracking().Include(h => h.Members).Include(h => h.Invitations).AsSplitQuery()
            .Where(h => h.WeddingId == weddingId).OrderBy(h => h.DisplayName).ThenBy(h => h.Id).ToListAsync(cancellationToken);
        var internalNotes = currentUser.Can(Permissions.WeddingInternal);
        var headers = new List<string> { "Household", "Side", "Group", "Name", "Latin spelling", "Title", "Age group", "Food", "Allergies", "Phone", "E-mail", "City", "State",
            "Country", "Tags" };
        if (internalNotes)
        {
            headers.Add("Notes");
        }
        // Two events may share a name (a haldi at each family's home): each gets a column of its own.
        foreach (var e in weddingEvents)
        {
            headers.Add(Unique(e.Name, headers));
        }
        var rows = households.SelectMany(h => h.Members.OrderBy(m => m.Position).Select(m => (IReadOnlyList<object?>)[
            h.DisplayName, Word(h.Side), h.Group, m.Name ?? $"Guest of {m.GuestOf}", m.LatinName, m.Honorific, Word(m.AgeGroup), m.Diet is { } diet ? Word(diet) : null,
            m.Allergies, m.Phone ?? h.Phone, m.Email ?? h.Email, h.City, h.State, h.Country, string.Join(", ", h.Tags),
            .. internalNotes ? new object?[] { h.Notes } : [],
            .. weddingEvents.Select(e => AnswerOf(h.Invitations.Find(i => i.EventId == e.Id), m))])).ToList();
        audit.Record("guests.exported", "Wedding", weddingId, string.Create(CultureInfo.InvariantCulture, $"{ApiJson.EnumName(format)}: {rows.Count} guests"));
        await db.SaveChangesAsync(cancellationToken);

        var stamp = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var content = new MemoryStream();
        if (format == GuestExportFormat.Csv)
        {
            await CsvTable.WriteAsync(headers, rows, content, cancellationToken);
            return new File($"guests-{stamp}.csv", "text/csv; charset=utf-8", content.ToArray());
        }
        var sheets = new Dictionary<string, object> { ["Guests"] = Sheet(headers, rows) };
        foreach (var e in weddingEvents)
        {
            var invited = households.Select(h => (Household: h, Invitation: h.Invitations.Find(i => i.EventId == e.Id))).Where(x => x.Invitation is not null).ToList();
            sheets[Unique(SheetName(e.Name), sheets.Keys)] = Sheet(["Household", "Side", "Places", "Answer", "Coming", "Phone", "City", "Food"],
                invited.Select(x => (IReadOnlyList<object?>)[x.Household.DisplayName, Word(x.Household.Side), x.Invitation!.Places, AnswerWord(x.Invitation.Answer),
                    x.Invitation.Attending, x.Household.Phone, x.Household.City,
                    string.Join(", ", x.Household.Members.Where(m => m.Diet is not null).GroupBy(m => m.Diet!.Value).Select(g => $"{Word(g.Key)} {g.Count()}"))]));
        }
        await content.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return new File($"guests-{stamp}.xlsx", XlsxContentType, content.ToArray());
    }

    internal static List<Dictionary<string, object?>> Sheet(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) =>
        rows.Select(row => headers.Select((header, i) => (header, value: row[i])).ToDictionary(x => x.header, x => x.value)).ToList();

    /// <summary>Excel's rules for a sheet's name: at most 31 characters (28, to leave room for a number), none of []:*?/\.</summary>
    internal static string SheetName(string eventName)
    {
        var name = new string(eventName.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c).ToArray()).Trim();
        return name.Length == 0 ? "Event" : name[..Math.Min(28, name.Length)];
    }

    /// <summary>The name, or the name with a number when it is taken (a header or a sheet, compared as Excel does, ignoring case).</summary>
    internal static string Unique(string name, IEnumerable<string> taken)
    {
        var unique = name;
        for (var n = 2; taken.Contains(unique, StringComparer.OrdinalIgnoreCase); n++)
        {
            unique = string.Create(CultureInfo.InvariantCulture, $"{name} {n}");
        }
        return unique;
    }

    /// <summary>A guest's answer for an event: their own, else the household's headcount; empty when not invited.</summary>
    private static string? AnswerOf(Invitation? invitation, Guest guest) => invitation switch
    {
        null => null,
        _ when invitation.Members.Find(m => m.GuestId == guest.Id) is { } own => AnswerWord(own.Answer),
        { Answer: RsvpAnswer.Attending } => string.Create(CultureInfo.InvariantCulture, $"Coming: {invitation.Attending} of {invitation.Places}"),
        _ => AnswerWord(invitation.Answer),
    };

    private static string AnswerWord(RsvpAnswer answer) => answer switch
    {
        RsvpAnswer.Attending => "Coming",
        RsvpAnswer.Declined => "Not coming",
        _ => "Waiting",
    };

    private static string Word<T>(T value) where T : struct, Enum => ApiJson.EnumName(value);
}
