using WedTech.Server.Events;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Weddings;

namespace WedTech.Server.Guests.Sending;

/// <summary>
/// Sends a <see cref="GuestSend"/>: finds whom it reaches now, and queues one outbox message per household with the
/// household's link. Safe to run again: each message has an idempotency key of the sending and the household, so a
/// repeated run queues nothing twice. Stops where the day's allowance runs out and says so.
/// </summary>
public sealed class GuestSendJob(
    TenantDbContext db, GuestSendService sends, OutboxService outbox, RsvpLinks links, IWeddingDirectory weddings, IWeddingEvents events,
    GuestsChanged changes, TimeProvider time, ILogger<GuestSendJob> logger) : IEndsWithoutItsUser<Guid>
{
    /// <summary>Nothing goes out in the name of someone who can no longer sign in: the sending is cancelled, saying why.</summary>
    public async Task EndWithoutUserAsync(Guid sendId, CancellationToken cancellationToken)
    {
        var send = await db.GuestSends.FirstOrDefaultAsync(s => s.Id == sendId && (s.Status == GuestSendStatus.Scheduled || s.Status == GuestSendStatus.Sending),
            cancellationToken);
        if (send is null)
        {
            return;
        }
        send.Status = GuestSendStatus.Cancelled;
        send.Problem = "Not sent: the person who asked for it can no longer sign in. Send it again if it should still go.";
        send.FinishedAt = time.GetUtcNow();
        changes.AfterCommit(send.WeddingId);
        await db.SaveChangesAsync(cancellationToken);
    }

    private const int ProgressEvery = 25;

    public async Task RunAsync(Guid sendId, CancellationToken cancellationToken)
    {
        var send = await db.GuestSends.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sendId, cancellationToken);
        if (send is null || send.Status is GuestSendStatus.Done or GuestSendStatus.Cancelled
            || await db.GuestSends.Where(s => s.Id == sendId && (s.Status == GuestSendStatus.Scheduled || s.Status == GuestSendStatus.Sending))
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, GuestSendStatus.Sending), cancellationToken) == 0)
        {
            return;
        }
        var (queued, notSent, problem) = await SendAsync(send, cancellationToken);
        var done = await db.GuestSends.FirstAsync(s => s.Id == sendId, cancellationToken);
        done.Status = GuestSendStatus.Done;
        done.Queued = queued;
        done.NotSent = notSent;
        done.Problem = problem is { Length: > 500 } ? problem[..500] : problem;
        done.FinishedAt = time.GetUtcNow();
        changes.AfterCommit(send.WeddingId);
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Sending {SendId}: {Queued} messages queued, {NotSent} not sent", sendId, queued, notSent);
    }

    private async Task<(int Queued, int NotSent, string? Problem)> SendAsync(GuestSend send, CancellationToken cancellationToken)
    {
        if (await weddings.NamesAsync(send.WeddingId, cancellationToken) is not { } names)
        {
            return (0, 0, "The wedding was deleted before the sending.");
        }
        var eventName = send.EventId is { } eventId ? (await events.OfWeddingAsync(send.WeddingId, cancellationToken)).FirstOrDefault(e => e.Id == eventId)?.Name : null;
        if (send.EventId is not null && eventName is null)
        {
            return (0, 0, "The event was removed before the sending.");
        }
        var audience = await GuestAudiences.FindAsync(db, new GuestAudienceQuery(send.WeddingId, send.Kind, send.Channel, send.EventId, send.HouseholdIds), eventName,
            cancellationToken);
        var deadline = await sends.DeadlineAsync(send.WeddingId, cancellationToken);
        var sent = (await db.GuestMessages.AsNoTracking().Where(m => m.SendId == send.Id).Select(m => m.HouseholdId).ToListAsync(cancellationToken)).ToHashSet();
        int queued = sent.Count, notSent = audience.Skipped.Count;
        var problem = audience.Skipped.Count > 0 ? GuestSendService.Unreachable(audience.Skipped) : null;
        foreach (var (recipient, index) in audience.Recipients.Select((r, i) => (r, i)))
        {
            if (sent.Contains(recipient.HouseholdId))
            {
                continue;
            }
            try
            {
                var link = await links.ForSendingAsync(recipient.HouseholdId, cancellationToken);
                var variables = GuestSendService.Variables(send.Kind, send.Language, recipient.DisplayName, names, link, deadline);
                var request = new SendMessageRequest(send.Channel, recipient.Address, Shorten(recipient.DisplayName), GuestSendService.TemplateKey(send.Kind),
                    send.Language, variables, send.WeddingId);
                var (message, _) = await outbox.QueueAsync(request, $"guest-send:{send.Id:N}:{recipient.HouseholdId:N}", cancellationToken);
                db.GuestMessages.Add(new GuestMessage
                {
                    SendId = send.Id, HouseholdId = recipient.HouseholdId, MessageId = message.Id, Kind = send.Kind, Channel = send.Channel, CreatedAt = time.GetUtcNow(),
                });
                await db.SaveChangesAsync(cancellationToken);
                queued++;
            }
            catch (ApiException e) when (e.Status == StatusCodes.Status429TooManyRequests)
            {
                notSent += audience.Recipients.Count - index;
                problem = e.Detail + (problem is null ? "" : " " + problem);
                break;
            }
            catch (Exception e) when (e is ValidationFailedException or ApiException { Status: StatusCodes.Status404NotFound } or DbUpdateException)
            {
                // An address the outbox refuses, or a household removed meanwhile. The reason may hold the address: not kept.
                db.ChangeTracker.Clear();
                notSent++;
                problem ??= "Some households could not be sent to: check their mobile numbers and e-mail addresses.";
            }
            if ((queued + notSent) % ProgressEvery == 0)
            {
                await db.GuestSends.Where(s => s.Id == send.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.Queued, queued).SetProperty(s => s.NotSent, notSent),
                    cancellationToken);
            }
        }
        return (queued, notSent, problem);
    }

    private static string Shorten(string name) => name.Length > 100 ? name[..100] : name;
}
