using WedTech.Server.Identity;

namespace WedTech.Server.Messaging.Outbox;

/// <summary>
/// Tells people who sign in to the studio (its staff, and couples about their own wedding) something in the app, by push (on the devices they turned it on for) and by e-mail, through
/// the outbox: one message a person and channel, once per <c>occurrence</c> (the idempotency key), so a job that runs twice
/// tells no one twice. Only active users are told; a message that cannot be queued is logged, never thrown. For a kind of notice
/// people choose channels for (<see cref="NoticeChoices"/>), each is told only on the channels they chose.
/// </summary>
public sealed class UserNotices(TenantDbContext db, OutboxService outbox, ILogger<UserNotices> logger)
{
    private static readonly MessageChannel[] Channels = [MessageChannel.InApp, MessageChannel.Push, MessageChannel.Email];

    /// <summary>The active members of the studio in these roles.</summary>
    public Task<List<Guid>> InRolesAsync(IReadOnlyCollection<Role> roles, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Status == UserStatus.Active && roles.Contains(u.Role)).Select(u => u.Id).ToListAsync(cancellationToken);

    public async Task<int> TellAsync(IReadOnlyCollection<Guid> userIds, string templateKey, IReadOnlyDictionary<string, string> variables, Guid? weddingId,
        string? link, string occurrence, CancellationToken cancellationToken, string? choiceKind = null)
    {
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.Status == UserStatus.Active)
            .Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
        // A kind of notice people choose channels for (task reminders): each is told only where they chose.
        var choices = choiceKind is null ? [] : await db.NoticeChoices.AsNoTracking().Where(c => c.Kind == choiceKind && userIds.Contains(c.UserId))
            .ToDictionaryAsync(c => c.UserId, cancellationToken);
        var queued = 0;
        foreach (var person in people)
        {
            foreach (var channel in Channels.Where(c => !choices.TryGetValue(person.Id, out var choice) || choice.Allows(c)))
            {
                var recipient = channel == MessageChannel.Email ? person.Email : person.Id.ToString();
                try
                {
                    await outbox.QueueAsync(new SendMessageRequest(channel, recipient, null, templateKey, "en", new Dictionary<string, string>(variables), weddingId),
                        $"{occurrence}:{person.Id:N}:{ApiConventions.EnumName(channel)}", cancellationToken, link);
                    queued++;
                }
                catch (ApiException refused)
                {
                    logger.LogWarning("A {Template} notice on {Channel} was not queued: {Reason}", templateKey, channel,
                        refused is ValidationFailedException invalid ? string.Join(", ", invalid.Errors.Keys) : refused.Detail ?? refused.Title);
                }
            }
        }
        return queued;
    }
}
