using System.Text.Json.Serialization;

namespace WedTech.Server.Guests.Import;

/// <summary>How a planned household stands against the wedding's list.</summary>
public enum MatchKind
{
    /// <summary>Not on the list: created.</summary>
    New,
    /// <summary>Already on the list (the same phone with the same name, or all its names in one household): nothing to add.</summary>
    Same,
    /// <summary>Perhaps on the list (the same phone or household name, but names that only look alike): the user skips, merges or creates.</summary>
    Similar,
}

/// <summary>
/// A household already on the wedding's list, as the planner compares against it: its phones in E.164 and its
/// members' <see cref="GuestNames.Key"/>s.
/// </summary>
public sealed record ExistingHousehold(Guid Id, string DisplayName, IReadOnlyList<string> Phones, IReadOnlyList<string> MemberNameKeys);

/// <summary>
/// What importing a file would do, before anything is written: the households to create with their members and
/// invitations, each matched against the existing list, and the issues of the rows. Rows with an error are not in any
/// household.
/// </summary>
public sealed record ImportPlan(
    ImportFormat Format,
    IReadOnlyList<PlannedHousehold> Households,
    IReadOnlyList<ImportIssue> Issues,
    int RowsRead,
    int RowsLeftOut);

/// <summary>A household to import, with the rows it was made from and how it matches the existing list.</summary>
public sealed record PlannedHousehold(
    string DisplayName,
    GuestSide? Side,
    string? Group,
    string? Phone,
    string? Email,
    string? City,
    string? State,
    string? Country,
    IReadOnlyList<string> Tags,
    string? Notes,
    IReadOnlyList<PlannedGuest> Members,
    IReadOnlyList<PlannedInvitation> Invitations,
    IReadOnlyList<SourceRow> Rows,
    HouseholdMatch Match);

/// <summary>
/// A member of a planned household. An unnamed place ("Guest of Rahul", a "+1") has <see cref="Unnamed"/> set, that
/// label as its name, and whose guest it is as <see cref="Host"/> (null when the household names no one).
/// </summary>
public sealed record PlannedGuest(
    string Name,
    string? LatinName,
    string? Honorific,
    AgeGroup AgeGroup,
    Diet? Diet,
    string? Allergies,
    string? Phone,
    string? Email,
    bool Unnamed = false,
    string? Host = null);

/// <summary>
/// The household's invitation to one event (named as the file writes it): the places invited and each invited member's
/// answer (by index into <see cref="PlannedHousehold.Members"/>).
/// </summary>
public sealed record PlannedInvitation(string Event, int Places, IReadOnlyList<PlannedAnswer> Answers);

public sealed record PlannedAnswer(int Member, RsvpAnswer Answer);

/// <summary>A row of the file: its sheet (empty for a CSV) and its number as the user sees it.</summary>
public sealed record SourceRow(string Sheet, int Row);

/// <summary>The planned household's match: New, or Same/Similar with the existing household's id and name.</summary>
public sealed record HouseholdMatch(MatchKind Kind, Guid? ExistingHouseholdId = null, string? ExistingDisplayName = null)
{
    public static readonly HouseholdMatch New = new(MatchKind.New);
}
