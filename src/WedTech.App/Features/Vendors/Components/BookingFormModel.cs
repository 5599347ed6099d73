namespace WedTech.App.Features.Vendors.Components;

/// <summary>
/// What the booking form holds: the vendor, event, service, category and status, the quote's lines priced as the server
/// prices them (quantity, or the event's attending headcount for a per-guest line, × the unit price, GST on top, rounded to
/// the paisa), the payment schedule, and the day's arrival and contact. Amounts are typed in rupees and sent in paise.
/// </summary>
public sealed class BookingFormModel
{
    public Guid? VendorId { get; set; }
    public string? VendorName { get; set; }
    public IReadOnlyList<string> VendorCategories { get; set; } = [];
    public Guid? EventId { get; set; }
    public string Service { get; set; } = "";
    public string? Category { get; set; }
    public BookingStatus Status { get; set; } = BookingStatus.Enquiry;
    public List<LineRow> Lines { get; } = [];
    public List<InstalmentRow> Schedule { get; } = [];
    public DateTime? ArrivalTime { get; set; }
    public string? DayContactName { get; set; }
    public string? DayContactPhone { get; set; }
    public string? Notes { get; set; }

    public sealed class LineRow
    {
        public string Description { get; set; } = "";
        public int? Quantity { get; set; } = 1;
        public bool PerGuest { get; set; }
        public decimal? UnitRupees { get; set; }
        public int GstRateBasisPoints { get; set; } = 1800;
    }

    public sealed class InstalmentRow
    {
        public Guid? Id { get; init; }
        public string Label { get; set; } = "";
        public InstalmentKind Kind { get; set; } = InstalmentKind.Advance;
        public DateTime? DueOn { get; set; }
        public decimal? AmountRupees { get; set; }
    }

    /// <summary>A line priced: the quantity used, the taxable amount, the GST and the total, in paise.</summary>
    public readonly record struct Priced(int Quantity, long TaxablePaise, long TaxPaise)
    {
        public long TotalPaise => TaxablePaise + TaxPaise;
    }

    public static BookingFormModel From(BookingResponse booking)
    {
        var model = new BookingFormModel
        {
            VendorId = booking.VendorId, VendorName = booking.VendorName, EventId = booking.EventId, Service = booking.Service, Category = booking.Category,
            Status = booking.Status, ArrivalTime = booking.ArrivalTime, DayContactName = booking.DayContactName, DayContactPhone = booking.DayContactPhone,
            Notes = booking.Notes,
        };
        model.Lines.AddRange((booking.Lines ?? []).Select(l => new LineRow
        {
            Description = l.Description, Quantity = l.PerGuest ? null : l.Quantity, PerGuest = l.PerGuest, UnitRupees = VendorWords.ToRupees(l.UnitPaise),
            GstRateBasisPoints = l.GstRateBasisPoints,
        }));
        model.Schedule.AddRange((booking.Schedule ?? []).Select(i => new InstalmentRow
        {
            Id = i.Id, Label = i.Label, Kind = i.Kind, DueOn = i.DueOn.ToDateTime(TimeOnly.MinValue), AmountRupees = VendorWords.ToRupees(i.AmountPaise),
        }));
        return model;
    }

    /// <summary>Prices a line: a per-guest line takes the headcount of the booking's event (none without an event).</summary>
    public static Priced Price(LineRow line, int? headcount)
    {
        var quantity = line.PerGuest ? headcount ?? 0 : line.Quantity ?? 0;
        var taxable = (VendorWords.ToPaise(line.UnitRupees) ?? 0) * quantity;
        return new Priced(quantity, taxable, VendorWords.Tax(taxable, line.GstRateBasisPoints));
    }

    /// <summary>The quote's taxable amount, GST and total with these headcounts.</summary>
    public (long Taxable, long Tax, long Total) Totals(int? headcount)
    {
        var priced = Lines.Select(l => Price(l, headcount)).ToList();
        var (taxable, tax) = (priced.Sum(p => p.TaxablePaise), priced.Sum(p => p.TaxPaise));
        return (taxable, tax, taxable + tax);
    }

    public long ScheduledPaise => Schedule.Sum(i => VendorWords.ToPaise(i.AmountRupees) ?? 0);

    /// <summary>The field errors found before sending, keyed as the API keys them.</summary>
    public Dictionary<string, string[]> Check(int? headcount)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (VendorId is null)
        {
            errors["vendorId"] = ["Choose the vendor from the vendor book."];
        }
        if (string.IsNullOrWhiteSpace(Service))
        {
            errors["service"] = ["Say what they do for this wedding: Dinner buffet for the sangeet, Mandap and stage."];
        }
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            if (string.IsNullOrWhiteSpace(line.Description))
            {
                errors[$"lines[{i}].description"] = ["Describe the line, as on the quote."];
            }
            if (line.UnitRupees is null or < 0)
            {
                errors[$"lines[{i}].unitPaise"] = ["Give the price."];
            }
            if (line.PerGuest && EventId is null)
            {
                errors[$"lines[{i}].perGuest"] = ["A per-guest price needs the event whose guests it counts: choose the event above."];
            }
            else if (!line.PerGuest && line.Quantity is null or < 1 or > VendorLimits.MaxQuantity)
            {
                errors[$"lines[{i}].quantity"] = [$"A quantity is 1 to {IndianFormat.Count(VendorLimits.MaxQuantity)}."];
            }
        }
        for (var i = 0; i < Schedule.Count; i++)
        {
            var instalment = Schedule[i];
            if (string.IsNullOrWhiteSpace(instalment.Label))
            {
                errors[$"schedule[{i}].label"] = ["Name the instalment: Advance, Before the mehendi."];
            }
            if (instalment.DueOn is null)
            {
                errors[$"schedule[{i}].dueOn"] = ["Choose when it is due."];
            }
            if (instalment.AmountRupees is null or <= 0)
            {
                errors[$"schedule[{i}].amountPaise"] = ["Give the amount."];
            }
        }
        var total = Totals(headcount).Total;
        if (Schedule.Count > 0 && ScheduledPaise > total)
        {
            errors["schedule"] = [$"The instalments add up to {IndianFormat.Rupees(ScheduledPaise)}, more than the quote's {IndianFormat.Rupees(total)}."];
        }
        return errors;
    }

    public BookingRequest ToRequest() => new(
        VendorId, EventId, Service.Trim(), string.IsNullOrWhiteSpace(Category) ? null : Category.Trim(), Status,
        [.. Lines.Select(l => new QuoteLineRequest(l.Description.Trim(), l.PerGuest ? null : l.Quantity, VendorWords.ToPaise(l.UnitRupees), l.PerGuest ? true : null,
            l.GstRateBasisPoints))],
        [.. Schedule.Select(i => new InstalmentRequest(i.Id, i.Label.Trim(), i.Kind, i.DueOn is { } due ? DateOnly.FromDateTime(due) : null, VendorWords.ToPaise(i.AmountRupees)))],
        ArrivalTime, Trim(DayContactName), Trim(DayContactPhone), Trim(Notes));

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
