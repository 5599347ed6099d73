using WedTech.Server.Events;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Money;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Invoicing;

/// <summary>
/// A wedding's estimates, tax invoices and credit notes. A draft is worked out again at every save (place of supply, tax,
/// round-off); issuing numbers it in its series inside one transaction and freezes it; an issued document is only
/// cancelled, with a reason, never edited or deleted. A credit note reduces an issued tax invoice of the same wedding, by at
/// most what its other credit notes have left.
/// </summary>
public sealed class InvoiceService(
    TenantDbContext db, IWeddingDirectory weddings, IWeddingEvents events, IBillingSettings billing, IStudioSettings studio, IDocumentNumbers numbers,
    IEnumerable<IWeddingReceipts> receipts, CurrentUser currentUser, AuditLog audit, WeddingChanges changes, TimeProvider time) : IDraftInvoices
{
    public const int MaxDocumentsPerWedding = 500;

    public async Task<InvoiceListResponse> ListAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.WeddingId == weddingId).ToListAsync(cancellationToken);
        return new InvoiceListResponse(await ToResponsesAsync(weddingId, invoices, cancellationToken));
    }

    /// <summary>The couple's documents: issued (or cancelled after issue) estimates, tax invoices and credit notes; never drafts.</summary>
    public async Task<IReadOnlyList<InvoiceResponse>> IssuedAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.WeddingId == weddingId && i.Status != InvoiceStatus.Draft).ToListAsync(cancellationToken);
        return await ToResponsesAsync(weddingId, invoices, cancellationToken);
    }

    public async Task<InvoiceResponse> GetAsync(Guid weddingId, Guid id, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        return await ResponseAsync(await FindAsync(weddingId, id, tracked: false, cancellationToken), cancellationToken);
    }

    public async Task<InvoiceResponse> CreateAsync(Guid weddingId, InvoiceRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        if (await db.Invoices.CountAsync(i => i.WeddingId == weddingId, cancellationToken) >= MaxDocumentsPerWedding)
        {
            throw ApiException.Conflict($"A wedding has at most {MaxDocumentsPerWedding} invoices, estimates and credit notes.");
        }
        var invoice = new Invoice { WeddingId = weddingId, Kind = request.Kind!.Value, RecipientName = "" };
        await ApplyAsync(invoice, request, cancellationToken);
        db.Invoices.Add(invoice);
        Publish(invoice);
        await db.SaveChangesAsync(cancellationToken);
        return await ResponseAsync(invoice, cancellationToken);
    }

    public async Task<Guid> DraftAsync(Guid weddingId, string recipientName, IReadOnlyList<InvoiceItem> lines, DateOnly? dueOn, string? notes,
        CancellationToken cancellationToken)
    {
        var invoice = new Invoice
        {
            WeddingId = weddingId, Kind = InvoiceKind.TaxInvoice, RecipientName = recipientName.Length > 150 ? recipientName[..150] : recipientName,
            Lines = [.. lines], DueOn = dueOn, Notes = notes is { Length: > InvoiceLimits.MaxNotes } ? notes[..InvoiceLimits.MaxNotes] : notes,
        };
        await PriceAsync(invoice, await billing.StudioAsync(cancellationToken), cancellationToken);
        db.Invoices.Add(invoice);
        Publish(invoice);
        return invoice.Id;
    }

    public async Task<InvoiceResponse> UpdateAsync(Guid weddingId, Guid id, InvoiceRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var invoice = await FindAsync(weddingId, id, tracked: true, cancellationToken);
        Concurrency.Expect(invoice, expectedVersion, "invoice");
        RequireDraft(invoice, "changed");
        if (request.Kind != invoice.Kind)
        {
            throw new ValidationFailedException("kind", "A draft keeps its kind: make a new one for an estimate, an invoice or a credit note.");
        }
        await ApplyAsync(invoice, request, cancellationToken);
        Publish(invoice);
        await db.SaveChangesAsync(cancellationToken);
        return await ResponseAsync(invoice, cancellationToken);
    }

    public async Task DeleteAsync(Guid weddingId, Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var invoice = await FindAsync(weddingId, id, tracked: true, cancellationToken);
        Concurrency.Expect(invoice, expectedVersion, "invoice");
        RequireDraft(invoice, "deleted: cancel it instead");
        db.Invoices.Remove(invoice);
        Publish(invoice);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Gives the draft the next number of its series and today's date, works its tax out once more and freezes it. The number
    /// is taken in the same transaction as the save, so two issued at once get consecutive numbers and a failure gives its back.
    /// </summary>
    public async Task<InvoiceResponse> IssueAsync(Guid weddingId, Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var studioBilling = await billing.StudioAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invoice = await FindAsync(weddingId, id, tracked: true, cancellationToken);
        Concurrency.Expect(invoice, expectedVersion, "invoice");
        RequireDraft(invoice, "issued again");
        if (invoice.Kind != InvoiceKind.Estimate)
        {
            RequireStudioParticulars(studioBilling);
        }
        if (invoice.Lines.Count == 0)
        {
            throw new ValidationFailedException("lines", "Add at least one line before issuing.");
        }
        var today = await studio.TodayAsync(cancellationToken);
        if (invoice.CreditNoteForId is { } original)
        {
            await CheckCreditAsync(invoice, original, cancellationToken);
        }
        await PriceAsync(invoice, studioBilling, cancellationToken);
        var prefix = invoice.Kind switch
        {
            InvoiceKind.Estimate => studioBilling.EstimatePrefix,
            InvoiceKind.CreditNote => studioBilling.CreditNotePrefix,
            _ => studioBilling.InvoicePrefix,
        };
        invoice.Number = await numbers.NextAsync(prefix, today, cancellationToken);
        invoice.IssuedOn = today;
        invoice.Status = InvoiceStatus.Issued;
        invoice.IssuedBy = currentUser.User?.Id;
        audit.Note(invoice, $"issued {invoice.Number} for {IndianFormat.Rupees(invoice.TotalPaise)}");
        Publish(invoice);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ResponseAsync(invoice, cancellationToken);
    }

    public async Task<InvoiceResponse> CancelAsync(Guid weddingId, Guid id, CancelInvoiceRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var invoice = await FindAsync(weddingId, id, tracked: true, cancellationToken);
        if (invoice.Status != InvoiceStatus.Issued)
        {
            throw ApiException.Conflict(invoice.Status == InvoiceStatus.Draft
                ? "A draft has no number yet: delete it instead of cancelling it."
                : $"{invoice.Number} is already cancelled.");
        }
        if (await db.Invoices.AnyAsync(c => c.CreditNoteForId == invoice.Id && c.Status == InvoiceStatus.Issued, cancellationToken))
        {
            throw ApiException.Conflict($"{invoice.Number} has credit notes against it: cancel them first.");
        }
        invoice.Status = InvoiceStatus.Cancelled;
        invoice.CancelReason = request.Reason.Trim();
        invoice.CancelledAt = time.GetUtcNow();
        invoice.CancelledBy = currentUser.User?.Id;
        audit.Note(invoice, $"cancelled {invoice.Number}: {invoice.CancelReason}");
        Publish(invoice);
        await db.SaveChangesAsync(cancellationToken);
        return await ResponseAsync(invoice, cancellationToken);
    }

    /// <summary>The document as a PDF; <paramref name="issuedOnly"/> for the couple, who never see drafts.</summary>
    public async Task<(byte[] Pdf, string FileName)> PdfAsync(Guid weddingId, Guid id, bool issuedOnly, InvoicePdf pdf, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var invoice = await FindAsync(weddingId, id, tracked: false, cancellationToken);
        if (issuedOnly && invoice.Status == InvoiceStatus.Draft)
        {
            throw ApiException.NotFound("Invoice");
        }
        var response = await ResponseAsync(invoice, cancellationToken);
        var bytes = await pdf.WriteAsync(response, await billing.StudioAsync(cancellationToken), cancellationToken);
        return (bytes, $"{(response.Number ?? "draft").Replace('/', '-')}.pdf");
    }

    public static string? SacProblem(string sac) => sac.Length is >= 4 and <= 8 && sac.All(char.IsAsciiDigit)
        ? null
        : "A SAC (or HSN) code is 4 to 8 digits: 998596 for event management.";

    private static void RequireDraft(Invoice invoice, string what)
    {
        if (invoice.Status != InvoiceStatus.Draft)
        {
            throw ApiException.Conflict($"{invoice.Number} is issued and can't be {what}. An issued invoice is only cancelled, or reduced by a credit note.");
        }
    }

    private static void RequireStudioParticulars(StudioBilling studio)
    {
        var missing = new[]
        {
            studio.Gstin is null ? "your GSTIN (Settings)" : null,
            studio.Address is null || studio.City is null ? "your address" : null,
            studio.StateCode is null ? "your state" : null,
        }.OfType<string>().ToList();
        if (missing.Count > 0)
        {
            throw ApiException.Conflict($"A tax invoice must carry {string.Join(", ", missing)}. Give them in the billing settings, then issue it.");
        }
    }

    private async Task<Invoice> FindAsync(Guid weddingId, Guid id, bool tracked, CancellationToken cancellationToken) =>
        await (tracked ? db.Invoices : db.Invoices.AsNoTracking()).FirstOrDefaultAsync(i => i.Id == id && i.WeddingId == weddingId, cancellationToken)
        ?? throw ApiException.NotFound("Invoice");

    /// <summary>Checks the whole request, reporting every field at fault at once, and works the draft's tax out.</summary>
    private async Task ApplyAsync(Invoice invoice, InvoiceRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var studioBilling = await billing.StudioAsync(cancellationToken);
        Invoice? original = null;
        if (invoice.Kind == InvoiceKind.CreditNote)
        {
            original = request.CreditNoteForId is { } originalId
                ? await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == originalId && i.WeddingId == invoice.WeddingId, cancellationToken)
                : null;
            if (original is not { Kind: InvoiceKind.TaxInvoice, Status: InvoiceStatus.Issued })
            {
                errors.Add("creditNoteForId", "A credit note reduces an issued tax invoice of this wedding: choose it.");
            }
        }
        else if (request.CreditNoteForId is not null)
        {
            errors.Add("creditNoteForId", "Only a credit note refers to an invoice.");
        }

        var recipient = request.Recipient!;
        var country = recipient.Country.TrimmedOrNull()?.ToUpperInvariant() ?? "IN";
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            errors.Add("recipient.country", "Use the two-letter ISO country code, like IN or AE.");
        }
        var state = recipient.StateCode.TrimmedOrNull();
        if (state is not null && (country != "IN" || !IndianStates.ByCode.ContainsKey(state)))
        {
            errors.Add("recipient.stateCode", country != "IN" ? "A recipient abroad has no Indian state: leave it out." : "Choose a state from the list (its two-digit GST code).");
        }
        var gstin = recipient.Gstin is null ? null : IndianTaxIds.Normalize(recipient.Gstin).TrimmedOrNull();
        if (gstin is not null)
        {
            if (IndianTaxIds.CheckGstin(gstin) is { } wrong)
            {
                errors.Add("recipient.gstin", wrong);
            }
            else if (country != "IN")
            {
                errors.Add("recipient.gstin", "A GSTIN is Indian: a recipient abroad has none.");
            }
            else if (state is not null && state != gstin[..2])
            {
                errors.Add("recipient.gstin",
                    $"This GSTIN is registered in {IndianStates.ByCode.GetValueOrDefault(gstin[..2], gstin[..2])}, not {IndianStates.ByCode.GetValueOrDefault(state, state)}: check the state or the GSTIN.");
            }
            else
            {
                state = gstin[..2];
            }
        }

        EventOfWedding? e = null;
        if (request.EventId is { } eventId)
        {
            e = (await events.OfWeddingAsync(invoice.WeddingId, cancellationToken)).Find(x => x.Id == eventId);
            if (e is null)
            {
                errors.Add("eventId", "This wedding has no such event.");
            }
        }

        var lines = new List<InvoiceItem>();
        foreach (var (line, index) in request.Lines!.Select((l, i) => (l, i)))
        {
            var field = $"lines[{index}]";
            var sac = line.Sac.TrimmedOrNull() ?? studioBilling.DefaultSac;
            if (SacProblem(sac) is { } wrongSac)
            {
                errors.Add($"{field}.sac", wrongSac);
            }
            if (Paise.GstRateProblem(line.GstRateBasisPoints!.Value) is { } rateProblem)
            {
                errors.Add($"{field}.gstRateBasisPoints", rateProblem);
            }
            var quantity = line.Quantity ?? 1;
            if ((Int128)line.UnitPaise!.Value * quantity > VendorLimits.MaxAmountPaise)
            {
                errors.Add($"{field}.quantity", $"A line comes to at most {IndianFormat.Rupees(VendorLimits.MaxAmountPaise)}.");
            }
            lines.Add(new InvoiceItem(line.Description.Trim(), sac, quantity, line.UnitPaise.Value, line.GstRateBasisPoints.Value));
        }
        if (lines.Count == 0)
        {
            errors.Add("lines", "Add at least one line.");
        }
        if (request.DueOn is { Year: < 2000 or > 2100 })
        {
            errors.Add("dueOn", "The date must be between the years 2000 and 2100.");
        }
        errors.ThrowIfAny();

        if (original is not null)
        {
            // A credit note is to the invoice's recipient, at its place of supply.
            (invoice.RecipientName, invoice.RecipientAddress, invoice.RecipientCity, invoice.RecipientStateCode, invoice.RecipientCountry, invoice.RecipientGstin) =
                (original.RecipientName, original.RecipientAddress, original.RecipientCity, original.RecipientStateCode, original.RecipientCountry, original.RecipientGstin);
            invoice.EventId = original.EventId;
            invoice.CreditNoteForId = original.Id;
        }
        else
        {
            invoice.RecipientName = recipient.Name.Trim();
            invoice.RecipientAddress = recipient.Address.TrimmedOrNull();
            invoice.RecipientCity = recipient.City.TrimmedOrNull();
            invoice.RecipientStateCode = state;
            invoice.RecipientCountry = country;
            invoice.RecipientGstin = gstin;
            invoice.EventId = e?.Id;
        }
        invoice.Lines = lines;
        invoice.DueOn = request.DueOn;
        invoice.ReverseCharge = request.ReverseCharge ?? false;
        invoice.Notes = request.Notes.TrimmedOrNull();
        await PriceAsync(invoice, studioBilling, cancellationToken);
        if (original is not null)
        {
            await CheckCreditAsync(invoice, original.Id, cancellationToken);
        }
    }

    /// <summary>The place of supply, the split and the tax, from the recipient, the event's venue and the studio's state.</summary>
    private async Task PriceAsync(Invoice invoice, StudioBilling studioBilling, CancellationToken cancellationToken)
    {
        var studioState = studioBilling.Gstin?[..2] ?? studioBilling.StateCode ?? invoice.RecipientStateCode ?? "";
        var all = await events.OfWeddingAsync(invoice.WeddingId, cancellationToken);
        var e = invoice.EventId is { } id ? all.Find(x => x.Id == id) : all.Find(x => x.VenueCountry is not null);
        var venue = e?.VenueCountry is { } venueCountry ? new EventPlace(e.VenueStateCode, venueCountry) : null;
        invoice.PlaceOfSupply = GstRules.PlaceOfSupply(invoice.RecipientGstin, invoice.RecipientStateCode, invoice.RecipientCountry, venue, studioState);
        invoice.Split = GstRules.Split(invoice.PlaceOfSupply, studioState);
        var taxed = GstRules.Tax(invoice.Lines, invoice.Split);
        (invoice.TaxablePaise, invoice.CgstPaise, invoice.SgstPaise, invoice.IgstPaise, invoice.RoundOffPaise, invoice.TotalPaise) =
            (taxed.TaxablePaise, taxed.CgstPaise, taxed.SgstPaise, taxed.IgstPaise, taxed.RoundOffPaise, taxed.TotalPaise);
    }

    private async Task CheckCreditAsync(Invoice creditNote, Guid originalId, CancellationToken cancellationToken)
    {
        var original = await db.Invoices.AsNoTracking().FirstAsync(i => i.Id == originalId, cancellationToken);
        if (original.Status != InvoiceStatus.Issued)
        {
            throw new ValidationFailedException("creditNoteForId", $"{original.Number} is cancelled: a credit note can't reduce it.");
        }
        var credited = await db.Invoices.Where(c => c.CreditNoteForId == originalId && c.Status == InvoiceStatus.Issued && c.Id != creditNote.Id)
            .SumAsync(c => c.TotalPaise, cancellationToken);
        var left = original.TotalPaise - credited;
        if (creditNote.TotalPaise > left)
        {
            throw new ValidationFailedException("lines",
                $"This credit note comes to {IndianFormat.Rupees(creditNote.TotalPaise)}, more than the {IndianFormat.Rupees(left)} left of {original.Number} to credit.");
        }
    }

    private void Publish(Invoice invoice) =>
        changes.AfterCommit(new WeddingChangedMessage(invoice.WeddingId, WeddingChange.InvoicesChanged, invoice.Version, ItemId: invoice.Id));

    private async Task<InvoiceResponse> ResponseAsync(Invoice invoice, CancellationToken cancellationToken) =>
        (await ToResponsesAsync(invoice.WeddingId, [invoice], cancellationToken))[0];

    /// <summary>The documents, newest first, with what is credited and still owed on each tax invoice.</summary>
    private async Task<IReadOnlyList<InvoiceResponse>> ToResponsesAsync(Guid weddingId, IReadOnlyList<Invoice> invoices, CancellationToken cancellationToken)
    {
        var issued = await db.Invoices.AsNoTracking()
            .Where(i => i.WeddingId == weddingId && i.Status == InvoiceStatus.Issued && i.Kind != InvoiceKind.Estimate)
            .Select(i => new { i.Id, i.Kind, i.IssuedOn, i.DueOn, i.Number, i.TotalPaise, i.CreditNoteForId }).ToListAsync(cancellationToken);
        var credited = issued.Where(c => c.CreditNoteForId is not null).GroupBy(c => c.CreditNoteForId!.Value).ToDictionary(g => g.Key, g => g.Sum(c => c.TotalPaise));
        var received = 0L;
        foreach (var source in receipts)
        {
            received += (await source.NetReceivedAsync([weddingId], cancellationToken)).GetValueOrDefault(weddingId);
        }
        var balances = InvoiceBalances.Allocate(
            issued.Where(i => i.Kind == InvoiceKind.TaxInvoice).Select(i => (i.Id, i.IssuedOn!.Value, i.DueOn, i.Number!, i.TotalPaise, credited.GetValueOrDefault(i.Id))), received)
            .ToDictionary(b => b.InvoiceId);
        var originals = issued.Where(i => i.Kind == InvoiceKind.TaxInvoice).ToDictionary(i => i.Id, i => i.Number);
        return [.. invoices.OrderByDescending(i => i.IssuedOn ?? DateOnly.MaxValue).ThenByDescending(i => i.CreatedAt).Select(i => new InvoiceResponse(
            i.Id, i.WeddingId, i.Kind, i.Status, i.Number, i.IssuedOn, i.DueOn,
            new InvoiceRecipient(i.RecipientName, i.RecipientAddress, i.RecipientCity, i.RecipientStateCode, i.RecipientCountry, i.RecipientGstin),
            i.PlaceOfSupply, GstRules.PlaceName(i.PlaceOfSupply), i.Split, i.ReverseCharge, GstRules.Tax(i.Lines, i.Split).Lines,
            i.TaxablePaise, i.CgstPaise, i.SgstPaise, i.IgstPaise, i.RoundOffPaise, i.TotalPaise, IndianFormat.RupeesInWords(i.TotalPaise),
            i.EventId, i.CreditNoteForId, i.CreditNoteForId is { } o ? originals.GetValueOrDefault(o) : null,
            credited.GetValueOrDefault(i.Id), balances.TryGetValue(i.Id, out var owed) ? owed.BalancePaise : 0,
            i.Notes, i.CancelReason, i.CancelledAt, i.Version))];
    }
}
