using System.Globalization;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Email;

namespace WedTech.Server.Venues;

public sealed record VenueFilter(string? Search, string? City, string? StateCode);

/// <summary>The studio's venue book: venues reused by the events of any wedding.</summary>
public sealed class VenueService(TenantDbContext db, AuditLog audit, IVenueUsage usage)
{
    public const string India = "IN";

    /// <summary>India has one time zone, so a venue there needs none given.</summary>
    public const string IndiaTimeZone = "Asia/Kolkata";

    public async Task<PagedResponse<VenueResponse>> ListAsync(VenueFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        var query = db.Venues.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLowerInvariant();
            query = query.Where(v => v.SearchText.Contains(term));
        }
        if (!string.IsNullOrWhiteSpace(filter.City))
        {
            var city = filter.City.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // SQL lower(), not this process's culture
            query = query.Where(v => v.City.ToLower() == city);
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (!string.IsNullOrWhiteSpace(filter.StateCode))
        {
            var state = filter.StateCode.Trim();
            query = query.Where(v => v.StateCode == state);
        }
        var inUse = usage.VenueIdsInUse();
        var page = await query.OrderBy(v => v.Name).ThenBy(v => v.Id)
            .ToPageAsync(paging, v => new { Venue = v, Events = inUse.Count(venueId => venueId == v.Id) }, cancellationToken);
        return new PagedResponse<VenueResponse>(page.Items.Select(x => ToResponse(x.Venue, x.Events)).ToList(), page.Page, page.PageSize, page.TotalCount);
    }

    public async Task<VenueResponse> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var venue = await db.Venues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw ApiException.NotFound("Venue");
        return ToResponse(venue, await EventCountAsync(id, cancellationToken));
    }

    public async Task<VenueResponse> CreateAsync(VenueRequest request, CancellationToken cancellationToken)
    {
        var venue = new Venue { Name = "", City = "", TimeZone = "" };
        Apply(venue, request);
        db.Venues.Add(venue);
        audit.Record("venue.created", nameof(Venue), venue.Id, venue.Name);
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(venue, 0);
    }

    public async Task<VenueResponse> UpdateAsync(Guid id, VenueRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        var venue = await db.Venues.FirstOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw ApiException.NotFound("Venue");
        Concurrency.Expect(venue, expectedVersion, "venue");
        Apply(venue, request);
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(venue, await EventCountAsync(id, cancellationToken));
    }

    /// <summary>
    /// Refused while an event of a wedding uses the venue. Events of deleted weddings (kept, hidden) let it go: they lose
    /// the venue, so that nobody is stopped by events they cannot see.
    /// </summary>
    public async Task DeleteAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var venue = await db.Venues.FirstOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw ApiException.NotFound("Venue");
        Concurrency.Expect(venue, expectedVersion, "venue");
        await RefuseWhileUsedAsync(id, cancellationToken);
        await usage.ReleaseFromDeletedWeddingsAsync(id, cancellationToken);
        db.Venues.Remove(venue);
        audit.Record("venue.deleted", nameof(Venue), venue.Id, venue.Name);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // An event took the venue between the check and the delete, and the foreign key refused the delete.
            await RefuseWhileUsedAsync(id, cancellationToken);
            throw;
        }
    }

    private async Task RefuseWhileUsedAsync(Guid id, CancellationToken cancellationToken)
    {
        var count = await EventCountAsync(id, cancellationToken);
        if (count > 0)
        {
            throw ApiException.Conflict(string.Create(CultureInfo.InvariantCulture,
                $"The venue is used by {count} {(count == 1 ? "event" : "events")}; move {(count == 1 ? "it" : "them")} to another venue first."));
        }
    }

    private Task<int> EventCountAsync(Guid id, CancellationToken cancellationToken) => usage.CountAsync(id, cancellationToken);

    /// <summary>Checks the whole request and reports every field at fault at once.</summary>
    private static void Apply(Venue venue, VenueRequest request)
    {
        var errors = new FieldErrors();
        var country = request.Country.TrimmedOrNull()?.ToUpperInvariant() ?? India;
        var countryValid = country.Length == 2 && country.All(char.IsAsciiLetterUpper);
        if (!countryValid)
        {
            errors.Add("country", "Use the two-letter ISO country code, like IN or AE.");
        }

        var stateCode = request.StateCode.TrimmedOrNull();
        if (country == India && stateCode is null)
        {
            errors.Add("stateCode", "A venue in India needs its GST state code (07 for Delhi, 08 for Rajasthan): it decides the place of supply.");
        }
        else if (country == India && !IndianStates.ByCode.ContainsKey(stateCode!))
        {
            errors.Add("stateCode", "This is not a GST state code; use the two digits that start the state's GSTINs, like 07 for Delhi.");
        }
        else if (country != India && stateCode is not null)
        {
            errors.Add("stateCode", "Only a venue in India has a GST state code; leave it empty for a venue abroad.");
        }

        var mapUrl = request.MapUrl.TrimmedOrNull();
        if (mapUrl is not null && !(Uri.TryCreate(mapUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0))
        {
            errors.Add("mapUrl", "Give the map link as a full web address, like https://maps.app.goo.gl/…");
        }

        // Abroad there is no safe default: the studio's own zone would put every event there at the wrong hour.
        var zone = request.TimeZone.TrimmedOrNull() is { } givenZone ? errors.Check(() => VenueTime.RequireZone(givenZone, "timeZone"))
            : country == India ? IndiaTimeZone : null;
        if (zone is null)
        {
            errors.Add("timeZone", "Give the time zone of a venue outside India (IANA, like Asia/Dubai).");
        }

        var contacts = new List<VenueContact>();
        var given = request.Contacts ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            var contact = given[i];
            if (contact is null || string.IsNullOrWhiteSpace(contact.Name))
            {
                errors.Add($"contacts[{i}].name", "Give the contact's name.");
                continue;
            }
            var field = $"contacts[{i}]";
            var phone = contact.Phone.TrimmedOrNull() is { } number
                ? errors.Check(() => Messaging.PhoneNumbers.ToE164(number, field + ".phone", countryValid ? country : Messaging.PhoneNumbers.DefaultRegion, anyLine: true))
                : null;
            var email = contact.Email.TrimmedOrNull();
            if (email is not null)
            {
                errors.Check(() => EmailAddresses.Check(email, field + ".email"));
            }
            contacts.Add(new VenueContact(contact.Name.Trim(), contact.Role.TrimmedOrNull(), phone, email));
        }

        errors.ThrowIfAny();
        venue.Name = request.Name.Trim();
        venue.Address = request.Address.TrimmedOrNull();
        venue.City = request.City.Trim();
        venue.StateCode = stateCode;
        venue.Country = country;
        venue.MapUrl = mapUrl;
        venue.Capacity = request.Capacity;
        venue.Contacts = contacts;
        venue.Notes = request.Notes.TrimmedOrNull();
        venue.TimeZone = zone!;
        venue.RefreshSearchText();
    }


    private static VenueResponse ToResponse(Venue v, int eventCount) => new(
        v.Id, v.Name, v.Address, v.City, v.StateCode, v.StateCode is null ? null : IndianStates.ByCode.GetValueOrDefault(v.StateCode), v.Country, v.MapUrl,
        v.Capacity, v.Contacts, v.Notes, v.TimeZone, eventCount, v.Version, v.UpdatedAt);
}
