namespace WedTech.Contracts;

// A guest-list import: the mapping of a file's columns (detected, shown, changed by the planner and sent back), the
// preview of what importing it would do, and the background job that imports it.

/// <summary>Where a file comes from, as far as its columns tell. Shown to the user; planning reads the columns only.</summary>
public enum ImportFormat
{
    /// <summary>A family's own sheet or a Google Sheet: columns named as people name them.</summary>
    Spreadsheet,
    /// <summary>Zola's guest-list export: a household per row with partner and child columns.</summary>
    ZolaGuestList,
    /// <summary>Zola's RSVP export: a guest per row and a column per event (Attending / Declined / No Response).</summary>
    ZolaRsvp,
    /// <summary>The Knot's export: a guest per row, a Party column grouping households, "&lt;Event&gt; - RSVP" columns.</summary>
    Knot,
}

/// <summary>What a column holds. Person fields of a row describe its first person; partner and child columns add people.</summary>
public enum GuestField
{
    Ignore,
    /// <summary>The household's name ("Sharma family", a Knot party): rows with the same one form one household.</summary>
    Household,
    Side,
    /// <summary>The relationship group ("Bride's cousins", "College friends").</summary>
    Group,
    Honorific,
    FirstName,
    LastName,
    FullName,
    /// <summary>The name in Latin letters when the name column is in another script.</summary>
    LatinName,
    Phone,
    Email,
    City,
    State,
    Country,
    AgeGroup,
    Diet,
    Allergies,
    Tags,
    Notes,
    /// <summary>How many places the row stands for ("Pax", "No. of guests"); places beyond the named people are unnamed.</summary>
    Places,
    PartnerHonorific,
    PartnerFirstName,
    PartnerLastName,
    /// <summary>Child <see cref="ColumnMapping.Child"/>'s first name, or whole name when no last-name column exists.</summary>
    ChildFirstName,
    ChildLastName,
    /// <summary>The answer for the event <see cref="ColumnMapping.Event"/>; an empty cell means not invited to it.</summary>
    EventRsvp,
}

/// <summary>One column of a sheet and what it holds. <see cref="Child"/> numbers child columns (from 1); <see cref="Event"/> names an RSVP column's event.</summary>
public sealed record ColumnMapping(int Column, string Header, GuestField Field, int Child = 0, string? Event = null);

/// <summary>A sheet's header row (its number as the user sees it; the rows under it are guests) and its columns.</summary>
public sealed record SheetMapping(string Sheet, int HeaderRow, IReadOnlyList<ColumnMapping> Columns);

/// <summary>
/// Which column of which sheet holds what: detected from the headers by the server, shown to the user, who may change any
/// column and send it back with the file.
/// </summary>
public sealed record ImportMapping(ImportFormat Format, IReadOnlyList<SheetMapping> Sheets);

/// <summary>What the planner chooses for a household that looks like one already on the list.</summary>
public enum SimilarChoice { Skip, Merge, Create }

public enum IssueSeverity
{
    /// <summary>The row is left out of the import.</summary>
    Error,
    /// <summary>The row is imported without the value at fault.</summary>
    Warning,
}

/// <summary>
/// A problem found in a row (<see cref="Row"/> 0: in the sheet as a whole), on a column when one is at fault, with a
/// message written for the planner ("Row 14: '98765' is not a phone number; …").
/// </summary>
public sealed record ImportIssue(string Sheet, int Row, string? Column, IssueSeverity Severity, string Message);

/// <summary>The first values under a column of a sheet, to show the planner what it holds.</summary>
public sealed record ColumnSamples(string Sheet, int Column, IReadOnlyList<string> Values);

/// <summary>
/// A household of the file that looks like one on the list (the same phone or household name, names only alike). It is
/// known by its first row (<see cref="Sheet"/>, <see cref="Row"/>): a <see cref="SimilarHouseholdChoice"/> names it so.
/// </summary>
public sealed record SimilarHousehold(string Sheet, int Row, string DisplayName, IReadOnlyList<string> Members, Guid ExistingHouseholdId, string ExistingDisplayName);

/// <summary>The planner's choice for one similar household, named by its first row.</summary>
public sealed record SimilarHouseholdChoice(string Sheet, int Row, SimilarChoice Choice);

/// <summary>
/// What importing a file would do, nothing written: the mapping (detected, or the one sent back), samples of each column,
/// the counts, the households that look like ones on the list, every row's issues, and the file's events the wedding does
/// not have (their answers are not imported).
/// </summary>
public sealed record GuestImportPreview(
    string FileName,
    ImportMapping Mapping,
    IReadOnlyList<ColumnSamples> Samples,
    int Rows,
    int RowsLeftOut,
    int Households,
    int Guests,
    int Invitations,
    int Answers,
    int New,
    int Same,
    int Similar,
    IReadOnlyList<SimilarHousehold> SimilarHouseholds,
    IReadOnlyList<ImportIssue> Issues,
    IReadOnlyList<string> UnknownEvents);

/// <summary>What an import did.</summary>
public sealed record GuestImportResult(int Added, int Merged, int Unchanged, int Skipped, int Answers, IReadOnlyList<ImportIssue> Issues);

public enum GuestImportStatus { Queued, Running, Done, Failed }

/// <summary>An import running in the background: its progress in rows, and what it did once done (or why it failed).</summary>
public sealed record GuestImportResponse(
    Guid Id,
    Guid WeddingId,
    string FileName,
    GuestImportStatus Status,
    int RowsDone,
    int RowsTotal,
    GuestImportResult? Result,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);
