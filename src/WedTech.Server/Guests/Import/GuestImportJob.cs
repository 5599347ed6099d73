using WedTech.Server.Platform.Jobs;

namespace WedTech.Server.Guests.Import;

/// <summary>
/// Imports one queued upload as the planner who sent it (<see cref="GuestImportService.ImportAsync"/>). Safe to run twice:
/// runs of one wedding's imports take turns, and a run that finds its import done or failed leaves it alone. A failure
/// writes nothing to the list and leaves the import failed with a reason the planner can act on.
/// </summary>
public sealed class GuestImportJob(TenantDbContext db, GuestImportService imports, TimeProvider time, ILogger<GuestImportJob> logger) : IEndsWithoutItsUser<Guid>
{
    /// <summary>Nothing is imported in the name of someone who can no longer sign in: the import fails, saying why, and its file goes.</summary>
    public Task EndWithoutUserAsync(Guid importId, CancellationToken cancellationToken) =>
        FailAsync(importId, "Not imported: the person who started it can no longer sign in. Import the file again if it should still go in.");

    public async Task RunAsync(Guid importId, CancellationToken cancellationToken)
    {
        var started = await db.GuestImports.Where(i => i.Id == importId && i.Status == GuestImportStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, GuestImportStatus.Running), cancellationToken);
        if (started == 0 && !await db.GuestImports.AnyAsync(i => i.Id == importId && i.Status == GuestImportStatus.Running, cancellationToken))
        {
            return;
        }
        string error;
        try
        {
            await imports.ImportAsync(importId, cancellationToken);
            return;
        }
        catch (ApiException e)
        {
            error = e switch
            {
                ValidationFailedException invalid => string.Join(" ", invalid.Errors.Values.SelectMany(messages => messages)),
                { Status: StatusCodes.Status404NotFound } => "The wedding was deleted, or you are no longer on its team.",
                _ => e.Detail ?? e.Title,
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Guest import {ImportId} failed", importId);
            error = "The import stopped on an unexpected error and nothing was imported. Try again; if it happens again, tell us.";
        }
        await FailAsync(importId, error);
    }

    private async Task FailAsync(Guid importId, string error)
    {
        db.ChangeTracker.Clear();
        await db.GuestImports.Where(i => i.Id == importId && i.Status != GuestImportStatus.Done).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, GuestImportStatus.Failed).SetProperty(i => i.Error, error[..Math.Min(error.Length, 500)])
            .SetProperty(i => i.Content, (byte[]?)null).SetProperty(i => i.FinishedAt, time.GetUtcNow()), CancellationToken.None);
        logger.LogInformation("Guest import {ImportId} failed", importId);
    }
}
