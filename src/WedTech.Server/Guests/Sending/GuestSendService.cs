using System.Globalization;
using WedTech.Server.Events;
using WedTech.Server.Identity;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Weddings;

namespace WedTech.Server.Guests.Sending;

/// <summary>
/// Invitations and reminders to a wedding's households through the outbox: what a sending would do (how many messages, who
/// is left out, the day's allowance), the sending itself, now or scheduled, by <see cref="GuestSendJob"/>, and where each
/// household stands (last message's status, link opened).
/// </summary>
public sealed class GuestSendService(
    TenantDbContext db, IWeddingEvents events, IWeddingDirectory weddings, OutboxService outbox, RsvpLinks links,
    TenantJobs jobs, CurrentUser currentUser, UserDirectory users, AuditLog audit, TimeProvider time)
{
    /// <summary>How far ahead a sending may be scheduled.</summary>
    public static readonly TimeSpan LongestSchedule = TimeSpan.FromDays(180);

    private const int ListedSends = 50;

    public async Task<GuestSendPreviewResponse> PreviewAsync(Guid weddingId, GuestSendRequest request, CancellationToken cancellationToken)
    {
        var (query, language, eventName) = await CheckAsync(weddingId, request, cancellationToken);
        var audience = await GuestAudiences.FindAsync(db, query, eventName, cancellationToken);
        var (quota, left) = await AllowanceAsync(query.Channel, cancellationToken);
        MessagePreviewResponse? sample = null;
        if (audience.Recipients.Count > 0 && await weddings.NamesAsync(weddingId, cancellationToken) is { } names)
        {
            var first = audience.Recipients[0];
            var variables = Variables(query.Kind, language, first.DisplayName, names, links.Url("…"), await DeadlineAsync(weddingId, cancellationToken));
            sample = await outbox.PreviewAsync(new PreviewMessageRequest(query.Channel, TemplateKey(query.Kind), language, variables), cancellationToken);
        }
        return new GuestSendPreviewResponse(audience.Recipients.Count, audience.AlreadyAnswered, audience.Skipped, quota, left, sample?.Subject, sample?.Body);
    }

    /// <summary>
    /// Starts a sending now (refused when no household can get it or it needs more paid messages than are left today), or
    /// schedules it: then whom it reaches, and the allowance, are checked when it runs.
    /// </summary>
    public async Task<GuestSendResponse> CreateAsync(Guid weddingId, GuestSendRequest request, CancellationToken cancellationToken)
    {
        var (query, language, eventName) = await CheckAsync(weddingId, request, cancellationToken);
        if (request.SendAt is null)
        {
            var audience = await GuestAudiences.FindAsync(db, query, eventName, cancellationToken);
            if (audience.Recipients.Count == 0)
            {
                throw new ApiException(StatusCodes.Status422UnprocessableEntity, "No one to send to", NoOneToSendTo(query, audience));
            }
            if ((await AllowanceAsync(query.Channel, cancellationToken)).Left is { } left && audience.Recipients.Count > left)
            {
                throw ApiException.Conflict(
                    $"This needs {audience.Recipients.Count:N0} {ChannelName(query.Channel)} messages and your studio has {left:N0} left today. " +
                    "Choose fewer households, send by e-mail, or schedule it for tomorrow.");
            }
        }
        var send = new GuestSend
        {
            WeddingId = weddingId, Kind = query.Kind, Channel = query.Channel, EventId = query.EventId, Language = language,
            HouseholdIds = [.. query.HouseholdIds.Distinct()], SendAt = request.SendAt,
            Status = request.SendAt is null ? GuestSendStatus.Sending : GuestSendStatus.Scheduled, CreatedBy = currentUser.User?.Id, CreatedAt = time.GetUtcNow(),
        };
        db.GuestSends.Add(send);
        audit.Record("guest-send.created", nameof(GuestSend), send.Id,
            $"{ApiConventions.EnumName(send.Kind)} by {ApiConventions.EnumName(send.Channel)}, wedding {weddingId}{(send.SendAt is { } at ? $", at {at:O}" : "")}");
        await db.SaveChangesAsync(cancellationToken);
        if (send.SendAt is { } sendAt)
        {
            jobs.Schedule<GuestSendJob, Guid>(send.Id, sendAt - time.GetUtcNow());
        }
        else
        {
            jobs.Enqueue<GuestSendJob, Guid>(send.Id);
        }
        return await ToResponseAsync(send, cancellationToken);
    }

    public async Task<IReadOnlyList<GuestSendResponse>> ListAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var sends = await db.GuestSends.AsNoTracking().Where(s => s.WeddingId == weddingId).OrderByDescending(s => s.Id).Take(ListedSends).ToListAsync(cancellationToken);
        var list = new List<GuestSendResponse>(sends.Count);
        foreach (var send in sends)
        {
            list.Add(await ToResponseAsync(send, cancellationToken));
        }
        return list;
    }

    public async Task<GuestSendResponse> GetAsync(Guid weddingId, Guid id, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        return await ToResponseAsync(await db.GuestSends.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.WeddingId == weddingId, cancellationToken)
            ?? throw ApiException.NotFound("Sending"), cancellationToken);
    }

    /// <summary>Cancels a scheduled sending that has not started.</summary>
    public async Task CancelAsync(Guid weddingId, Guid id, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var send = await db.GuestSends.FirstOrDefaultAsync(s => s.Id == id && s.WeddingId == weddingId, cancellationToken) ?? throw ApiException.NotFound("Sending");
        var cancelled = await db.GuestSends.Where(s => s.Id == id && s.Status == GuestSendStatus.Scheduled)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, GuestSendStatus.Cancelled).SetProperty(s => s.FinishedAt, time.GetUtcNow()), cancellationToken);
        if (cancelled == 0)
        {
            throw ApiException.Conflict(send.Status == GuestSendStatus.Cancelled ? "This sending was already cancelled." : "This sending has already started; its messages are in the outbox.");
        }
        audit.Record("guest-send.cancelled", nameof(GuestSend), send.Id, $"wedding {weddingId}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Per household that was sent something or opened its link: the last message and its status, and when the link was first opened.</summary>
    public async Task<IReadOnlyList<HouseholdOutreach>> OutreachAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var ofWedding = db.Households.Where(h => h.WeddingId == weddingId).Select(h => h.Id);
        var latest = (await db.GuestMessages.AsNoTracking().Where(m => ofWedding.Contains(m.HouseholdId)).ToListAsync(cancellationToken))
            .GroupBy(m => m.HouseholdId).ToDictionary(g => g.Key, g => g.MaxBy(m => m.Id)!);
        var statuses = await outbox.StatusesAsync([.. latest.Values.Select(m => m.MessageId)], cancellationToken);
        var opened = await db.Households.AsNoTracking().Where(h => h.WeddingId == weddingId && h.RsvpLinkOpenedAt != null)
            .ToDictionaryAsync(h => h.Id, h => h.RsvpLinkOpenedAt, cancellationToken);
        return [.. latest.Keys.Union(opened.Keys).Select(id =>
        {
            var message = latest.GetValueOrDefault(id);
            return new HouseholdOutreach(id, message?.Kind, message?.Channel,
                message is null ? null : statuses.GetValueOrDefault(message.MessageId, MessageStatus.Queued), message?.CreatedAt, opened.GetValueOrDefault(id));
        })];
    }

    /// <summary>The template a kind of sending uses: built in, in English and Hindi, and the studio may reword it.</summary>
    public static string TemplateKey(GuestMessageKind kind) => kind == GuestMessageKind.Invitation ? "rsvp-request" : "rsvp-reminder";

    /// <summary>The wedding's RSVP deadline, which a reminder names.</summary>
    public Task<DateOnly?> DeadlineAsync(Guid weddingId, CancellationToken cancellationToken) =>
        db.GuestListSettings.AsNoTracking().Where(s => s.WeddingId == weddingId).Select(s => s.RsvpDeadline).FirstOrDefaultAsync(cancellationToken);

    /// <summary>What a household's message says: its name, the couple's, its link, and for a reminder by when to answer.</summary>
    public static Dictionary<string, string> Variables(GuestMessageKind kind, string language, string householdName, WeddingNames names, string link, DateOnly? deadline)
    {
        var variables = new Dictionary<string, string>
        {
            ["guestName"] = householdName,
            ["coupleNames"] = names.Couple(language),
            ["rsvpLink"] = link,
        };
        if (kind == GuestMessageKind.Reminder)
        {
            var culture = CultureInfo.GetCultureInfo(language == "hi" ? "hi-IN" : "en-IN");
            variables["answerBy"] = (deadline, language) switch
            {
                (null, "hi") => "जल्द",
                (null, _) => "soon",
                ({ } day, "hi") => day.ToString("d MMMM", culture) + " तक",
                ({ } day, _) => "by " + day.ToString("d MMMM", culture),
            };
        }
        return variables;
    }

    private async Task<(GuestAudienceQuery Query, string Language, string? EventName)> CheckAsync(Guid weddingId, GuestSendRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var errors = new FieldErrors();
        var channel = request.Channel!.Value;
        if (channel is not (MessageChannel.WhatsApp or MessageChannel.Sms or MessageChannel.Email))
        {
            errors.Add("channel", "Invitations and reminders go by WhatsApp, SMS or e-mail.");
        }
        var language = request.Language ?? "en";
        if (!OutboxService.Languages.Contains(language))
        {
            errors.Add("language", $"Use one of: {string.Join(", ", OutboxService.Languages)}.");
        }
        string? eventName = null;
        if (request.EventId is { } eventId)
        {
            eventName = (await events.OfWeddingAsync(weddingId, cancellationToken)).FirstOrDefault(e => e.Id == eventId)?.Name;
            if (eventName is null)
            {
                errors.Add("eventId", "This wedding has no such event.");
            }
        }
        var now = time.GetUtcNow();
        if (request.SendAt is { } sendAt && (sendAt <= now || sendAt > now + LongestSchedule))
        {
            errors.Add("sendAt", sendAt <= now ? "Choose a time from now on, or send it now." : $"Schedule it at most {LongestSchedule.TotalDays:N0} days ahead.");
        }
        errors.ThrowIfAny();
        return (new GuestAudienceQuery(weddingId, request.Kind!.Value, channel, request.EventId, request.HouseholdIds ?? []), language, eventName);
    }

    /// <summary>The channel's daily allowance and what is left of it today; null for a channel (e-mail) or plan without a limit.</summary>
    private async Task<(int? Quota, int? Left)> AllowanceAsync(MessageChannel channel, CancellationToken cancellationToken)
    {
        var settings = await outbox.SettingsResponseAsync(cancellationToken);
        var (quota, used) = channel switch
        {
            MessageChannel.WhatsApp => (settings.WhatsAppDailyQuota, settings.WhatsAppSentToday),
            MessageChannel.Sms => (settings.SmsDailyQuota, settings.SmsSentToday),
            _ => (int.MaxValue, 0),
        };
        return quota == int.MaxValue ? (null, null) : (quota, Math.Max(0, quota - used));
    }

    private static string NoOneToSendTo(GuestAudienceQuery query, GuestAudience audience)
    {
        if (audience.Skipped.Count > 0)
        {
            return "None of the households chosen can get it. " + Unreachable(audience.Skipped);
        }
        return query.Kind == GuestMessageKind.Reminder && audience.AlreadyAnswered > 0
            ? "Every household invited has answered: there is no one to remind."
            : "No household is invited yet. Invite households to events first.";
    }

    /// <summary>Why households were left out, counted by reason: "Not sent to 3 households: no mobile number (2); …".</summary>
    public static string Unreachable(IReadOnlyList<GuestSendSkip> skipped) =>
        $"Not sent to {skipped.Count:N0} household{(skipped.Count == 1 ? "" : "s")}: " +
        string.Join("; ", skipped.GroupBy(s => s.Reason).Select(g => $"{g.Key.ToLowerInvariant()} ({g.Count():N0})")) + ".";

    public static string ChannelName(MessageChannel channel) => channel switch
    {
        MessageChannel.WhatsApp => "WhatsApp",
        MessageChannel.Sms => "SMS",
        _ => "e-mail",
    };

    private async Task<GuestSendResponse> ToResponseAsync(GuestSend send, CancellationToken cancellationToken)
    {
        var by = send.CreatedBy is { } userId ? (await users.FindAsync(userId, cancellationToken))?.Name : null;
        return new GuestSendResponse(send.Id, send.WeddingId, send.Kind, send.Channel, send.EventId, send.Language, send.HouseholdIds.Count, send.SendAt,
            send.Status, send.Queued, send.NotSent, send.Problem, by, send.CreatedAt, send.FinishedAt);
    }
}
