using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

public sealed record VenueContact(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: StringLength(60)] string? Role,
    [property: StringLength(32)] string? Phone,
    [property: StringLength(254)] string? Email);

/// <summary>
/// A venue of the studio's venue book, reused across weddings. <see cref="StateCode"/> is the two-digit GST state code
/// (<see cref="IndianStates"/>), required for a venue in India: it decides the GST place of supply. Outside India give
/// <see cref="Country"/> (ISO 3166 alpha-2) and no state. <see cref="TimeZone"/> (IANA) is the default for its events.
/// </summary>
public sealed record VenueRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    [property: StringLength(500)] string? Address,
    [property: Required, StringLength(100, MinimumLength = 1)] string City,
    [property: StringLength(2)] string? StateCode,
    [property: StringLength(2)] string? Country,
    [property: StringLength(500)] string? MapUrl,
    [property: Range(0, 100_000)] int? Capacity,
    [property: MaxLength(10)] IReadOnlyList<VenueContact>? Contacts,
    [property: StringLength(4000)] string? Notes,
    [property: StringLength(64)] string? TimeZone);

public sealed record VenueResponse(
    Guid Id, string Name, string? Address, string City, string? StateCode, string? StateName, string Country, string? MapUrl,
    int? Capacity, IReadOnlyList<VenueContact> Contacts, string? Notes, string TimeZone, int EventCount, long Version, DateTimeOffset UpdatedAt);

/// <summary>India's states and union territories with their GST state codes (the first two digits of a GSTIN).</summary>
public static class IndianStates
{
    public static readonly IReadOnlyDictionary<string, string> ByCode = new Dictionary<string, string>
    {
        ["01"] = "Jammu and Kashmir", ["02"] = "Himachal Pradesh", ["03"] = "Punjab", ["04"] = "Chandigarh",
        ["05"] = "Uttarakhand", ["06"] = "Haryana", ["07"] = "Delhi", ["08"] = "Rajasthan", ["09"] = "Uttar Pradesh",
        ["10"] = "Bihar", ["11"] = "Sikkim", ["12"] = "Arunachal Pradesh", ["13"] = "Nagaland", ["14"] = "Manipur",
        ["15"] = "Mizoram", ["16"] = "Tripura", ["17"] = "Meghalaya", ["18"] = "Assam", ["19"] = "West Bengal",
        ["20"] = "Jharkhand", ["21"] = "Odisha", ["22"] = "Chhattisgarh", ["23"] = "Madhya Pradesh", ["24"] = "Gujarat",
        ["26"] = "Dadra and Nagar Haveli and Daman and Diu", ["27"] = "Maharashtra", ["29"] = "Karnataka", ["30"] = "Goa",
        ["31"] = "Lakshadweep", ["32"] = "Kerala", ["33"] = "Tamil Nadu", ["34"] = "Puducherry",
        ["35"] = "Andaman and Nicobar Islands", ["36"] = "Telangana", ["37"] = "Andhra Pradesh", ["38"] = "Ladakh",
    };
}
