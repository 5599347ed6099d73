using Microsoft.Extensions.Options;
using WedTech.Server.Messaging.Channels;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Messaging.Outbox;

/// <summary>
/// Sends one queued message through its channel. Safe to run twice: a run first claims the message for a
/// short while, so a duplicate run (or a retry while the first is still at work) leaves it alone, and a
/// message already sent is never sent again.
/// </summary>
public sealed class SendMessageJob(
    TenantDbContext db, TenantContext tenant, IEnumerable<IMessageChannel> channels, TenantJobs jobs, IDatabaseProvider databases,
    TimeProvider time, IOptions<MessagingOptions> options, IRealtimePublisher realtime, ILogger<SendMessageJob> logger) : ITenantJob<Guid>
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    public async Task RunAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + ClaimFor;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == messageId && m.Status == MessageStatus.Queued && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return;
        }
        var message = await db.OutboxMessages.FirstAsync(m => m.Id == messageId, cancellationToken);
        SendOutcome outcome;
        try
        {
            outcome = await SendAsync(message, cancellationToken);
        }
        catch (Exception e)
        {
            // An error no channel expects, or the server stopping: the job's retry, or its run after a restart, must
            // find the message free to claim, not held by this run for the rest of the claim (then nothing sends it).
            await ReleaseClaimAsync(messageId, e);
            throw;
        }
        message.ClaimedUntil = null;
        switch (outcome)
        {
            case SendOutcome.Accepted accepted:
                message.Status = accepted.Status;
                message.Provider = accepted.Provider;
                message.ProviderMessageId = accepted.ProviderMessageId;
                message.SentAt = time.GetUtcNow();
                message.DeliveredAt = accepted.Status is MessageStatus.Delivered ? message.SentAt : null;
                message.Error = null;
                await RememberRouteAsync(message, cancellationToken);
                break;
            case SendOutcome.Rejected rejected:
                Fail(message, rejected.Reason);
                break;
            case SendOutcome.RetryLater retry when message.Attempts >= options.Value.MaxAttempts:
                Fail(message, $"Gave up after {message.Attempts} attempts: {retry.Reason}");
                break;
            case SendOutcome.RetryLater retry:
                message.Error = Truncate(retry.Reason);
                var delay = retry.After ?? options.Value.RetryDelay * Math.Pow(2, message.Attempts - 1);
                // Hangfire keeps a schedule in whole seconds (truncated) and may start a job up to a second early;
                // a provider's Retry-After has to be waited out in full, or the retry meets the same rate limit.
                jobs.Schedule<SendMessageJob, Guid>(message.Id, delay + TimeSpan.FromSeconds(1));
                logger.LogInformation("Message {MessageId} will be tried again in {Delay}: {Reason}", message.Id, delay, retry.Reason);
                break;
        }
        await db.SaveChangesAsync(CancellationToken.None);
        if (message.WeddingId is { } weddingId && message.Status != MessageStatus.Queued)
        {
            await realtime.WeddingChangedAsync(tenant.Current.Id, weddingId, WeddingChange.MessagesChanged, null, CancellationToken.None);
        }
    }

    private async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var channel = channels.FirstOrDefault(c => c.Channel == message.Channel);
        if (channel is null)
        {
            return new SendOutcome.Rejected($"No {message.Channel} channel is configured on this server.");
        }
        try
        {
            return await channel.SendAsync(new OutgoingMessage(message.Id, tenant.Current.Id, message.Channel, message.Recipient, message.RecipientName,
                message.Subject, message.Body, HtmlBody(message.Body), message.Language, message.SmsProvider, message.ProviderTemplate,
                message.ProviderParameters, message.Link), cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome.RetryLater(e.Message, null);
        }
    }

    /// <summary>Lets delivery-status webhooks, which carry only the provider's id, find the studio and the message.</summary>
    private async Task RememberRouteAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Channel is MessageChannel.InApp || message.Provider is null || message.ProviderMessageId is null)
        {
            return;
        }
        await using var catalog = databases.CreateCatalogContext();
        if (!await catalog.MessageRoutes.AnyAsync(r => r.Provider == message.Provider && r.ProviderMessageId == message.ProviderMessageId, cancellationToken))
        {
            catalog.MessageRoutes.Add(new MessageRoute
            {
                Provider = message.Provider, ProviderMessageId = message.ProviderMessageId, TenantId = tenant.Current.Id, MessageId = message.Id, CreatedAt = time.GetUtcNow(),
            });
            await catalog.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task ReleaseClaimAsync(Guid messageId, Exception cause)
    {
        try
        {
            await db.OutboxMessages.Where(m => m.Id == messageId && m.Status == MessageStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        }
        catch (Exception e)
        {
            // The claim then runs out by itself; a later retry of the job sends the message.
            logger.LogWarning(e, "Could not release message {MessageId} after: {Cause}", messageId, cause.Message);
        }
    }

    private void Fail(OutboxMessage message, string reason)
    {
        message.Status = MessageStatus.Failed;
        message.FailedAt = time.GetUtcNow();
        message.Error = Truncate(reason);
        logger.LogWarning("Message {MessageId} failed: {Reason}", message.Id, reason);
    }

    private static string Truncate(string text) => text.Length > 500 ? text[..500] : text;

    private static string HtmlBody(string text) =>
        "<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><p>" +
        System.Net.WebUtility.HtmlEncode(text).ReplaceLineEndings("<br>") + "</p></body></html>";
}
