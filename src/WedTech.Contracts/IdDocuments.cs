namespace WedTech.Contracts;

/// <summary>The kinds of ID an Indian hotel takes at check-in (foreigners: a passport).</summary>
public enum IdDocumentKind { Aadhaar, Passport, DrivingLicence, VoterId }

/// <summary>
/// A guest's ID for the hotel, as the studio sees it: never the number, only its last four characters, masked
/// (<see cref="Number"/>); the file itself is opened on its own, and every opening is in the audit log.
/// </summary>
public sealed record IdDocumentResponse(
    Guid Id, Guid HouseholdId, string Household, Guid GuestId, string Guest, IdDocumentKind Kind, string Number, string ContentType, long Size,
    DateTimeOffset UploadedAt, string UploadedBy, DateOnly? DeletedOn);

/// <summary>A wedding's ID documents, with how many of its guests coming to anything have none yet.</summary>
public sealed record IdDocumentsResponse(PagedResponse<IdDocumentResponse> Documents, int GuestsWithout, bool Collecting, int DaysKeptAfterWedding);
