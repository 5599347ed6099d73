using System.Globalization;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Pdf;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Seating;

/// <summary>
/// The seating's printouts, A4: the chart (table by table, with who sits there), the place cards (one per seated guest: name
/// and table, eight a page with cut lines) and the escort list (every seated guest by name, with their table). Names and
/// tables only. Made on request, never stored.
/// </summary>
public sealed class SeatingPrints(TenantDbContext db, SeatingService seating, IWeddingDirectory weddings, IStudioSettings studio, AuditLog audit, TimeProvider time)
{
    public sealed record File(string Name, byte[] Content);

    private static readonly PdfColumn[] ChartColumns = [new("Table", 150), new("Guests", 365)];

    private static readonly PdfColumn[] EscortColumns = [new("Guest", 215), new("Household", 180), new("Table", 120)];

    private static readonly StringComparer ByName = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase);

    public async Task<File> MakeAsync(Guid weddingId, Guid eventId, SeatingPrint kind, CancellationToken cancellationToken)
    {
        var plan = await seating.GetAsync(weddingId, eventId, cancellationToken);
        var weddingTitle = (await weddings.TitlesAsync([weddingId], cancellationToken)).GetValueOrDefault(weddingId) ?? throw ApiException.NotFound("Wedding");
        var studioName = await studio.CompanyNameAsync(cancellationToken);
        var madeAt = ReportPdf.MadeAt(time.GetUtcNow(), await studio.TimeZoneAsync(cancellationToken));
        audit.Record("seating.printed", "Event", eventId, ApiJson.EnumName(kind));
        await db.SaveChangesAsync(cancellationToken);

        var tables = plan.Tables.ToDictionary(t => t.Id);
        var seated = plan.Households.SelectMany(h => h.Guests.Where(g => g.TableId is not null).Select(g => (Guest: g, Household: h, Table: tables[g.TableId!.Value])))
            .ToList();
        var unseated = plan.Households.Sum(h => h.Guests.Count(g => g.TableId is null));
        var (title, slug) = kind switch
        {
            SeatingPrint.PlaceCards => ("Place cards", "place-cards"),
            SeatingPrint.EscortList => ("Escort list", "escort-list"),
            _ => ("Seating chart", "seating-chart"),
        };
        using var content = new MemoryStream();
        using (var pdf = new ReportPdf())
        {
            if (kind == SeatingPrint.PlaceCards)
            {
                pdf.Cards(seated.OrderBy(s => s.Table.Position).ThenBy(s => s.Guest.Name, ByName)
                    .Select(s => new PdfCard(s.Guest.Name, s.Table.Name, plan.EventName)).ToList(), columns: 2, rows: 4);
                if (seated.Count == 0)
                {
                    pdf.Line($"{title} — {plan.EventName}", 18, bold: true, gap: 4);
                    pdf.Line("Nobody is seated yet: seat the guests first.");
                }
            }
            else
            {
                pdf.Line($"{title} — {plan.EventName}", 18, bold: true, gap: 4);
                pdf.Line($"{weddingTitle} · {studioName}", 12, gap: 8);
                var rest = unseated > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {unseated} not seated yet.") : ".";
                pdf.Line(string.Create(CultureInfo.InvariantCulture, $"{seated.Count} guests seated at {plan.Tables.Count} tables{rest}"), gap: 12);
                void Continued(ReportPdf page) => page.Line($"{title} — {plan.EventName} (continued)", 9, muted: true, gap: 8);
                if (kind == SeatingPrint.EscortList)
                {
                    pdf.Table(EscortColumns, seated.OrderBy(s => s.Guest.Name, ByName).ThenBy(s => s.Table.Position)
                        .Select(s => new PdfRow([[new(s.Guest.Name, 10, Bold: true)], [new(s.Household.DisplayName)], [new(s.Table.Name, 10, Bold: true)]])), Continued);
                }
                else
                {
                    pdf.Table(ChartColumns, plan.Tables.Select(t => new PdfRow(
                    [
                        [new(t.Name, 11, Bold: true), new(string.Create(CultureInfo.InvariantCulture, $"{Shape(t.Shape)}, {t.GuestIds.Count} of {t.Seats} seats"), Muted: true)],
                        t.GuestIds.Count == 0 ? [new("Nobody yet", Muted: true)]
                            : [.. seated.Where(s => s.Table.Id == t.Id).Select(s => new PdfText($"{s.Guest.Name} · {s.Household.DisplayName}", 9.5f))],
                    ])), Continued);
                }
            }
            pdf.Save(content, $"{title}: {plan.EventName}", $"{title} · {plan.EventName} · {weddingTitle} · {studioName} · made {madeAt}");
        }
        return new File($"{slug}-{Slug(plan.EventName)}.pdf", content.ToArray());
    }

    private static string Shape(TableShape shape) => shape switch
    {
        TableShape.Round => "Round",
        TableShape.Rectangle => "Rectangle",
        _ => "Long",
    };

    /// <summary>The event's name in a file name: ASCII letters and digits, else "event".</summary>
    private static string Slug(string name)
    {
        var slug = string.Join('-', new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "event" : slug[..Math.Min(40, slug.Length)];
    }
}
