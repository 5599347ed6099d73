using WedTech.App.Features.Vendors;

namespace WedTech.App.Features.Billing.Components;

/// <summary>
/// What the invoice form holds: the kind, to whom (with a GSTIN for a registered recipient, a state for one in India), the
/// lines priced as the server prices them (quantity × unit price, GST at the line's rate rounded to the paisa), the event
/// whose venue is the place of supply, reverse charge and notes. Prices are typed in rupees (decimal, never floating point)
/// and sent in paise.
/// </summary>
public sealed class InvoiceFormModel
{
    public const string India = "IN";

    public InvoiceKind Kind { get; set; } = InvoiceKind.TaxInvoice;
    public string RecipientName { get; set; } = "";
    public string? Address { get; set; }
    public string? City { get; set; }
    public string? StateCode { get; set; }
    public string? Country { get; set; } = India;
    public string? Gstin { get; set; }
    public List<LineRow> Lines { get; } = [];
    public Guid? EventId { get; set; }
    public Guid? CreditNoteForId { get; set; }
    public string? CreditNoteForNumber { get; set; }
    public DateTime? DueOn { get; set; }
    public bool ReverseCharge { get; set; }
    public string? Notes { get; set; }

    public sealed class LineRow
    {
        public string Description { get; set; } = "";
        public string? Sac { get; set; } = InvoiceLimits.EventManagementSac;
        public int? Quantity { get; set; } = 1;
        public decimal? UnitRupees { get; set; }
        public int GstRateBasisPoints { get; set; } = 1800;
    }

    /// <summary>A recipient abroad has no state: the supply is an export, its place of supply code 96.</summary>
    public bool InIndia => string.IsNullOrWhiteSpace(Country) || string.Equals(Country.Trim(), India, StringComparison.OrdinalIgnoreCase);

    /// <summary>A new document to the couple: their names, one line at the studio's SAC.</summary>
    public static InvoiceFormModel ForCouple(string? recipient, string? defaultSac)
    {
        var model = new InvoiceFormModel { RecipientName = recipient ?? "" };
        model.Lines.Add(new LineRow { Sac = Sac(defaultSac) });
        return model;
    }

    /// <summary>A draft to change, as it was saved.</summary>
    public static InvoiceFormModel From(InvoiceResponse invoice)
    {
        var model = new InvoiceFormModel
        {
            Kind = invoice.Kind, EventId = invoice.EventId, CreditNoteForId = invoice.CreditNoteForId, CreditNoteForNumber = invoice.CreditNoteForNumber,
            DueOn = invoice.DueOn?.ToDateTime(TimeOnly.MinValue), ReverseCharge = invoice.ReverseCharge, Notes = invoice.Notes,
        };
        model.SetRecipient(invoice.Recipient);
        model.AddLines(invoice.Lines);
        return model;
    }

    /// <summary>A credit note against an issued tax invoice: its recipient, event and lines, which the planner reduces to what is credited.</summary>
    public static InvoiceFormModel CreditNoteFor(InvoiceResponse invoice)
    {
        var model = new InvoiceFormModel
        {
            Kind = InvoiceKind.CreditNote, EventId = invoice.EventId, CreditNoteForId = invoice.Id, CreditNoteForNumber = invoice.Number,
            ReverseCharge = invoice.ReverseCharge,
        };
        model.SetRecipient(invoice.Recipient);
        model.AddLines(invoice.Lines);
        return model;
    }

    private void SetRecipient(InvoiceRecipient recipient)
    {
        RecipientName = recipient.Name;
        Address = recipient.Address;
        City = recipient.City;
        StateCode = recipient.StateCode;
        Country = recipient.Country ?? India;
        Gstin = recipient.Gstin;
    }

    private void AddLines(IEnumerable<InvoiceLine> lines) => Lines.AddRange(lines.Select(l => new LineRow
    {
        Description = l.Description, Sac = l.Sac, Quantity = l.Quantity, UnitRupees = VendorWords.ToRupees(l.UnitPaise), GstRateBasisPoints = l.GstRateBasisPoints,
    }));

    private static string Sac(string? sac) => string.IsNullOrWhiteSpace(sac) ? InvoiceLimits.EventManagementSac : sac.Trim();

    /// <summary>A line priced: its taxable value, GST and total in paise.</summary>
    public readonly record struct Priced(long TaxablePaise, long TaxPaise)
    {
        public long TotalPaise => TaxablePaise + TaxPaise;
    }

    public static Priced Price(LineRow line)
    {
        var taxable = (VendorWords.ToPaise(line.UnitRupees) ?? 0) * (line.Quantity ?? 0);
        return new Priced(taxable, VendorWords.Tax(taxable, line.GstRateBasisPoints));
    }

    /// <summary>The document's taxable value, GST and total before rounding to whole rupees (the server rounds and splits the GST).</summary>
    public (long Taxable, long Tax, long Total) Totals()
    {
        var priced = Lines.Select(Price).ToList();
        var (taxable, tax) = (priced.Sum(p => p.TaxablePaise), priced.Sum(p => p.TaxPaise));
        return (taxable, tax, taxable + tax);
    }

    /// <summary>The field errors found before sending, keyed as the API keys them.</summary>
    public Dictionary<string, string[]> Check()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(RecipientName))
        {
            errors["recipient.name"] = ["Give the name the invoice is to: the couple, or the family's company."];
        }
        var gstin = Normalised(Gstin);
        if (gstin is not null)
        {
            if (gstin.Length != 15)
            {
                errors["recipient.gstin"] = ["A GSTIN has 15 characters, like 08ABCDE1234F1Z5."];
            }
            else if (!InIndia)
            {
                errors["recipient.gstin"] = ["A recipient abroad has no GSTIN: leave it empty, or set the country to India."];
            }
            else if (StateCode is not null && gstin[..2] != StateCode)
            {
                errors["recipient.stateCode"] = [$"The GSTIN is registered in {IndianStates.ByCode.GetValueOrDefault(gstin[..2], "another state")} ({gstin[..2]}): choose that state."];
            }
        }
        if (!InIndia && Country!.Trim().Length != 2)
        {
            errors["recipient.country"] = ["Give the country's two-letter code, like AE or GB."];
        }
        if (Kind == InvoiceKind.CreditNote && CreditNoteForId is null)
        {
            errors["creditNoteForId"] = ["A credit note is made from the issued tax invoice it reduces: open that invoice and choose Credit note."];
        }
        if (Lines.Count == 0)
        {
            errors["lines"] = ["Add at least one line."];
        }
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            if (string.IsNullOrWhiteSpace(line.Description))
            {
                errors[$"lines[{i}].description"] = ["Describe the service, as the couple will read it."];
            }
            if (line.Quantity is null or < 1 or > InvoiceLimits.MaxQuantity)
            {
                errors[$"lines[{i}].quantity"] = [$"A quantity is 1 to {IndianFormat.Count(InvoiceLimits.MaxQuantity)}."];
            }
            if (line.UnitRupees is null or < 0)
            {
                errors[$"lines[{i}].unitPaise"] = ["Give the price."];
            }
            else if (BillingWords.FinerThanPaise(line.UnitRupees))
            {
                errors[$"lines[{i}].unitPaise"] = ["A price has at most two decimals (paise)."];
            }
        }
        return errors;
    }

    public InvoiceRequest ToRequest() => new(
        Kind,
        new InvoiceRecipient(RecipientName.Trim(), Trim(Address), Trim(City), InIndia ? StateCode : null, InIndia ? India : Country!.Trim().ToUpperInvariant(),
            InIndia ? Normalised(Gstin) : null),
        [.. Lines.Select(l => new InvoiceLineRequest(l.Description.Trim(), Trim(l.Sac), l.Quantity, VendorWords.ToPaise(l.UnitRupees), l.GstRateBasisPoints))],
        EventId, Kind == InvoiceKind.CreditNote ? CreditNoteForId : null,
        DueOn is { } due ? DateOnly.FromDateTime(due) : null, ReverseCharge, Trim(Notes));

    /// <summary>A GSTIN as the API keeps it: upper case, without spaces; null when empty.</summary>
    public static string? Normalised(string? gstin) =>
        string.IsNullOrWhiteSpace(gstin) ? null : string.Concat(gstin.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
