using WedTech.Server.Platform.Jobs;

namespace WedTech.Server.Guests.Documents;

/// <summary>
/// India's DPDP Act: an ID given for the hotel has no purpose once the guests have checked out. Every day, the ID documents
/// of weddings that ended more than <see cref="GuestDataOptions.IdDocumentDaysAfterWedding"/> days ago are deleted.
/// </summary>
public sealed class IdDocumentRetention(IdDocumentService documents) : IDailyDuty
{
    public Task RunAsync(CancellationToken cancellationToken) => documents.DeleteExpiredAsync(cancellationToken);
}
