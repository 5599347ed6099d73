namespace WedTech.Server.Weddings;

/// <summary>
/// Personal data a module keeps for a wedding (its guests' names, phones and addresses) whose purpose ends when the
/// wedding is deleted: the module implements it, and forgets that data in the same save as the deletion.
/// </summary>
public interface IWeddingPersonalData
{
    /// <summary>Marks the wedding's personal data for deletion; it goes with the caller's next save.</summary>
    Task ForgetAsync(Guid weddingId, CancellationToken cancellationToken);
}
