using System.Text.Json.Serialization;

namespace WedTech.Contracts;

/// <summary>
/// Source-generated JSON metadata for the answers that run to hundreds of kilobytes (a wedding's guest list and what
/// goes with it). Naming and enum conventions still come from <see cref="ApiJson.Options"/>, which uses this first.
/// </summary>
[JsonSerializable(typeof(PagedResponse<HouseholdResponse>))]
[JsonSerializable(typeof(HouseholdResponse))]
[JsonSerializable(typeof(HeadcountsResponse))]
[JsonSerializable(typeof(IReadOnlyList<HouseholdOutreach>))]
[JsonSerializable(typeof(IReadOnlyList<GuestSendResponse>))]
[JsonSerializable(typeof(WeddingScheduleResponse))]
internal sealed partial class LargeAnswers : JsonSerializerContext;
