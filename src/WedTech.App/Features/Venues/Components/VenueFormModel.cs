namespace WedTech.App.Features.Venues.Components;

/// <summary>The editable form of a venue of the studio's venue book.</summary>
public sealed class VenueFormModel
{
    public const string India = "IN";

    /// <summary>The most contacts a venue keeps (the API's limit).</summary>
    public const int MaxContacts = 10;

    public string Name { get; set; } = "";
    public string? Address { get; set; }
    public string City { get; set; } = "";
    public string? StateCode { get; set; }
    public string? Country { get; set; } = India;
    public string? MapUrl { get; set; }
    public int? Capacity { get; set; }
    public List<VenueContactModel> Contacts { get; set; } = [];
    public string? Notes { get; set; }
    public string? TimeZone { get; set; }

    /// <summary>A venue in India has a state, which decides the GST place of supply; elsewhere it has none.</summary>
    public bool InIndia => string.IsNullOrWhiteSpace(Country) || string.Equals(Country.Trim(), India, StringComparison.OrdinalIgnoreCase);

    /// <summary>India's states and union territories by name, for the picker.</summary>
    public static IReadOnlyList<string> StateCodes { get; } =
        [.. IndianStates.ByCode.OrderBy(s => s.Value, StringComparer.Ordinal).Select(s => s.Key)];

    /// <summary>"Maharashtra (27)": the state with its GST state code.</summary>
    public static string StateLabel(string? code) =>
        code is null ? "" : IndianStates.ByCode.TryGetValue(code, out var name) ? $"{name} ({code})" : code;

    /// <summary>The map link when it is one a browser can open (http or https), else null.</summary>
    public static Uri? MapLink(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    public static VenueFormModel From(VenueResponse venue) => new()
    {
        Name = venue.Name,
        Address = venue.Address,
        City = venue.City,
        StateCode = venue.StateCode,
        Country = venue.Country,
        MapUrl = venue.MapUrl,
        Capacity = venue.Capacity,
        Contacts = venue.Contacts.Select(c => new VenueContactModel { Name = c.Name, Role = c.Role, Phone = c.Phone, Email = c.Email }).ToList(),
        Notes = venue.Notes,
        TimeZone = venue.TimeZone,
    };

    public VenueRequest ToRequest() => new(
        Name.Trim(),
        Trimmed(Address),
        City.Trim(),
        InIndia ? StateCode : null,
        Trimmed(Country)?.ToUpperInvariant() ?? India,
        Trimmed(MapUrl),
        Capacity,
        Contacts.Select(c => new VenueContact(c.Name.Trim(), Trimmed(c.Role), Trimmed(c.Phone), Trimmed(c.Email))).ToList(),
        Trimmed(Notes),
        Trimmed(TimeZone));

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class VenueContactModel
{
    public string Name { get; set; } = "";
    public string? Role { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}
