using System.Globalization;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Email;
using WedTech.Server.Weddings;

namespace WedTech.Server.Vendors;

public sealed record VendorFilter(string? Search, string? Category);

/// <summary>
/// The studio's vendor book: who they are, what they do, how to reach and pay them, how the studio rates them, and the
/// weddings they served. Bank details are masked for everyone and hidden from those without financial:view.
/// </summary>
public sealed class VendorService(TenantDbContext db, CurrentUser currentUser, AuditLog audit, BankDetails bank, IWeddingDirectory weddings)
{
    public async Task<PagedResponse<VendorResponse>> ListAsync(VendorFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        var query = db.Vendors.AsNoTracking();
        foreach (var term in (filter.Search ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5))
        {
            query = query.Where(v => v.SearchText.Contains(term));
        }
        if (filter.Category.TrimmedOrNull() is { } category)
        {
            var tag = CategoryTag(category);
            query = query.Where(v => v.SearchText.Contains(tag));
        }
        var bookings = db.VendorBookings.Where(b => b.Status != BookingStatus.Cancelled);
        var page = await query.OrderBy(v => v.Name).ThenBy(v => v.Id)
            .ToPageAsync(paging, v => new { Vendor = v, Bookings = bookings.Count(b => b.VendorId == v.Id) }, cancellationToken);
        return new PagedResponse<VendorResponse>([.. page.Items.Select(x => ToResponse(x.Vendor, x.Bookings, null))], page.Page, page.PageSize, page.TotalCount);
    }

    public async Task<VendorCategoriesResponse> CategoriesAsync(CancellationToken cancellationToken)
    {
        var used = await db.Vendors.AsNoTracking().Select(v => v.Categories).ToListAsync(cancellationToken);
        var own = used.SelectMany(c => c).Where(c => !VendorLimits.Categories.Contains(c, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);
        return new VendorCategoriesResponse([.. VendorLimits.Categories, .. own]);
    }

    public async Task<VendorResponse> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var vendor = await db.Vendors.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw ApiException.NotFound("Vendor");
        return await ResponseAsync(vendor, cancellationToken);
    }

    public async Task<VendorResponse> CreateAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var vendor = new Vendor { Name = "" };
        var bankChanged = await ApplyAsync(vendor, request, cancellationToken);
        db.Vendors.Add(vendor);
        audit.Record("vendor.created", nameof(Vendor), vendor.Id, vendor.Name);
        await SaveAsync(vendor, bankChanged, cancellationToken);
        return ToResponse(vendor, 0, []);
    }

    public async Task<VendorResponse> UpdateAsync(Guid id, VendorRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        var vendor = await db.Vendors.FirstOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw ApiException.NotFound("Vendor");
        Concurrency.Expect(vendor, expectedVersion, "vendor");
        var bankChanged = await ApplyAsync(vendor, request, cancellationToken);
        await SaveAsync(vendor, bankChanged, cancellationToken);
        return await ResponseAsync(vendor, cancellationToken);
    }

    /// <summary>Refused while a booking names the vendor: the weddings' money with them stays explained.</summary>
    public async Task DeleteAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var vendor = await db.Vendors.FirstOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw ApiException.NotFound("Vendor");
        Concurrency.Expect(vendor, expectedVersion, "vendor");
        var bookings = await db.VendorBookings.CountAsync(b => b.VendorId == id, cancellationToken);
        if (bookings > 0)
        {
            throw ApiException.Conflict(string.Create(CultureInfo.InvariantCulture,
                $"{vendor.Name} has {bookings} {(bookings == 1 ? "booking" : "bookings")} in weddings; a vendor with bookings stays in the book."));
        }
        db.Vendors.Remove(vendor);
        audit.Record("vendor.deleted", nameof(Vendor), vendor.Id, vendor.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SaveAsync(Vendor vendor, bool bankChanged, CancellationToken cancellationToken)
    {
        if (bankChanged)
        {
            audit.Note(vendor, "bank details changed");
        }
        await db.SaveChangesAsync(cancellationToken);
        if (bankChanged)
        {
            // Once saved, whatever the caller does next: the admins hear of every change that took.
            await bank.AnnounceAsync(vendor, CancellationToken.None);
        }
    }

    /// <summary>Checks the whole request, reporting every field at fault at once; whether the bank details changed.</summary>
    private async Task<bool> ApplyAsync(Vendor vendor, VendorRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var categories = request.Categories.Select(c => c.TrimmedOrNull()).OfType<string>()
            .Select(c => VendorLimits.Categories.FirstOrDefault(b => b.Equals(c, StringComparison.OrdinalIgnoreCase)) ?? c)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (categories.Count == 0)
        {
            errors.Add("categories", "Give at least one category, such as Caterer or Decorator.");
        }
        else if (categories.Any(c => c.Length > VendorLimits.MaxCategory || c.Contains('|', StringComparison.Ordinal)))
        {
            errors.Add("categories", $"A category is at most {VendorLimits.MaxCategory} characters, without |.");
        }
        var contacts = new List<VendorContact>();
        foreach (var (contact, index) in (request.Contacts ?? []).Select((c, i) => (c, i)))
        {
            var phone = contact.Phone.TrimmedOrNull() is { } given ? errors.Check(() => Messaging.PhoneNumbers.ToE164(given, $"contacts[{index}].phone", anyLine: true)) : null;
            var email = contact.Email.TrimmedOrNull();
            if (email is not null)
            {
                errors.Check(() => EmailAddresses.Check(email, $"contacts[{index}].email"));
            }
            contacts.Add(new VendorContact(contact.Name.Trim(), contact.Role.TrimmedOrNull(), phone, email));
        }
        var gstin = request.Gstin is null ? null : IndianTaxIds.Normalize(request.Gstin).TrimmedOrNull();
        var pan = request.Pan is null ? null : IndianTaxIds.Normalize(request.Pan).TrimmedOrNull();
        var state = request.StateCode.TrimmedOrNull();
        if (gstin is not null && IndianTaxIds.CheckGstin(gstin) is { } wrongGstin)
        {
            errors.Add("gstin", wrongGstin);
        }
        else if (gstin is not null)
        {
            if (state is not null && state != gstin[..2])
            {
                errors.Add("stateCode", $"The GSTIN is registered in {IndianStates.ByCode.GetValueOrDefault(gstin[..2], "another state")} ({gstin[..2]}); leave the state empty or give {gstin[..2]}.");
            }
            if (pan is not null && pan != gstin[2..12])
            {
                errors.Add("pan", $"The GSTIN's PAN is {gstin[2..12]}; the PAN given differs.");
            }
            state ??= gstin[..2];
            pan ??= gstin[2..12];
        }
        if (pan is not null && IndianTaxIds.CheckPan(pan) is { } wrongPan)
        {
            errors.Add("pan", wrongPan);
        }
        if (state is not null && !IndianStates.ByCode.ContainsKey(state) && state is not ("97" or "99"))
        {
            errors.Add("stateCode", "This is not a GST state code; use two digits, like 07 for Delhi.");
        }
        var bankChanged = await bank.ApplyAsync(vendor, request.Bank, errors, cancellationToken);
        errors.ThrowIfAny();

        vendor.Name = request.Name.Trim();
        vendor.Categories = categories;
        vendor.Contacts = contacts;
        vendor.Gstin = gstin;
        vendor.Pan = pan;
        vendor.Address = request.Address.TrimmedOrNull();
        vendor.City = request.City.TrimmedOrNull();
        vendor.StateCode = state;
        vendor.Rating = request.Rating;
        vendor.Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
        vendor.SearchText = string.Join(' ', new[] { vendor.Name, vendor.City, vendor.Gstin }.OfType<string>()
                .Concat(contacts.Select(c => c.Name)).Concat(contacts.Select(c => c.Phone?.TrimStart('+')).OfType<string>()))
            .ToLowerInvariant() + " " + string.Concat(categories.Select(CategoryTag));
        return bankChanged;
    }

    private static string CategoryTag(string category) => $"|{category.Trim().ToLowerInvariant()}|";

    private async Task<VendorResponse> ResponseAsync(Vendor vendor, CancellationToken cancellationToken)
    {
        var visible = weddings.VisibleIds();
        var served = await db.VendorBookings.AsNoTracking().Where(b => b.VendorId == vendor.Id && visible.Contains(b.WeddingId))
            .GroupBy(b => b.WeddingId).Select(g => new { WeddingId = g.Key, Count = g.Count(b => b.Status != BookingStatus.Cancelled) })
            .ToListAsync(cancellationToken);
        var ids = served.Select(s => s.WeddingId).ToList();
        var titles = await weddings.TitlesAsync(ids, cancellationToken);
        var dates = await weddings.PrimaryDatesAsync(ids, cancellationToken);
        var list = served.Where(s => titles.ContainsKey(s.WeddingId) && dates.ContainsKey(s.WeddingId))
            .Select(s => new VendorWedding(s.WeddingId, titles[s.WeddingId], dates[s.WeddingId], s.Count)).OrderByDescending(w => w.Date).ToList();
        return ToResponse(vendor, list.Sum(w => w.Bookings), list);
    }

    private VendorResponse ToResponse(Vendor v, int bookings, IReadOnlyList<VendorWedding>? served) => new(
        v.Id, v.Name, v.Categories, v.Contacts, v.Gstin, v.Pan, v.Address, v.City, v.StateCode, v.StateCode is null ? null : IndianStates.ByCode.GetValueOrDefault(v.StateCode),
        currentUser.Can(Permissions.FinancialView) ? BankDetails.Masked(v) : null, v.Rating, v.Notes, bookings, served, v.Version);
}
