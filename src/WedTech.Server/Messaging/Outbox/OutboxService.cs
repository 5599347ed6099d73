using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Email;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Messaging.Outbox;

public sealed record MessageFilter(MessageStatus? Status, MessageChannel? Channel, Guid? WeddingId);

/// <summary>Queues messages (checked, rendered once, counted against quotas) and lists the outbox.</summary>
public sealed class OutboxService(
    TenantDbContext db, TenantContext tenant, CurrentUser currentUser, TenantJobs jobs, AuditLog audit, UserDirectory users,
    TimeProvider time, IOptions<MessagingOptions> options, IWeddingDirectory weddings, IStudioSettings studio)
{
    public static readonly string[] Languages = ["en", "hi"];

    /// <summary>
    /// Queues a message, or returns the one already queued under the same idempotency key (created = false). Inside the
    /// caller's open transaction, the message is part of it (a clash of idempotency keys then throws: the caller rolls back). An in-app
    /// notification or a push opens <paramref name="link"/> (a place in the app, <see cref="AppLinks"/>); without one, the
    /// message's wedding when its recipient may see it.
    /// </summary>
    public async Task<(MessageResponse Message, bool Created)> QueueAsync(SendMessageRequest request, string? idempotencyKey, CancellationToken cancellationToken,
        string? link = null)
    {
        if (link is not null && !AppLinks.IsInApp(link))
        {
            throw new ArgumentException($"A message links to a place in the app, not '{link}'.", nameof(link));
        }
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > 100 || idempotencyKey.Any(c => c is < '!' or > '~')))
        {
            throw new ValidationFailedException("Idempotency-Key", "Use 1 to 100 visible ASCII characters.");
        }
        var fingerprint = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));
        if (idempotencyKey is not null && await FindByKeyAsync(idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return (earlier, false);
        }

        var errors = new FieldErrors();
        var channel = request.Channel!.Value;
        var recipient = await RecipientAsync(channel, request.Recipient.Trim(), errors, cancellationToken);
        if (request.WeddingId is { } weddingId && !await weddings.ExistsAsync(weddingId, cancellationToken))
        {
            errors.Add("weddingId", "There is no such wedding.");
        }
        var language = request.Language ?? "en";
        var template = await FindTemplateAsync(request.TemplateKey, channel, language, cancellationToken);
        if (template is null)
        {
            errors.Add("templateKey", $"There is no '{request.TemplateKey}' template for {ApiConventions.EnumName(channel)} in '{language}'.");
        }
        var variables = await WithStudioNameAsync(request.Variables, cancellationToken);
        var rendered = template is null ? null : errors.Check(() => TemplateRenderer.Render(template, variables));
        errors.ThrowIfAny();
        var settings = await SettingsAsync(cancellationToken);
        if (channel is MessageChannel.InApp or MessageChannel.Push)
        {
            link ??= request.WeddingId is { } about && await RecipientSeesAsync(Guid.Parse(recipient!), about, cancellationToken) ? AppLinks.Wedding(about) : null;
        }
        else
        {
            link = null;
        }

        var message = new OutboxMessage
        {
            Channel = channel,
            Recipient = recipient!,
            RecipientName = request.RecipientName?.Trim(),
            TemplateKey = template!.Key,
            Language = language,
            Subject = rendered!.Subject,
            Body = rendered.Body,
            ProviderTemplate = template.ProviderTemplate,
            ProviderParameters = [.. rendered.ProviderParameters],
            SmsProvider = settings.SmsProvider,
            WeddingId = request.WeddingId,
            Link = link,
            IdempotencyKey = idempotencyKey,
            RequestFingerprint = fingerprint,
            CreatedBy = currentUser.User?.Id,
            CreatedAt = time.GetUtcNow(),
        };
        var today = await OpenTodaysUsageAsync(channel, cancellationToken);
        if (db.Database.CurrentTransaction is not null)
        {
            // The caller's transaction (an automation's firing): the message is queued with the caller's changes or not at all,
            // and its sending job is enqueued once they are committed.
            if (today is { } quotaDay)
            {
                await ConsumeQuotaAsync(channel, quotaDay, cancellationToken);
            }
            db.OutboxMessages.Add(message);
            audit.Record("message.queued", nameof(OutboxMessage), message.Id, $"{ApiConventions.EnumName(channel)} '{template.Key}' ({language})");
            await db.SaveChangesAsync(cancellationToken);
            db.AfterCommit(() =>
            {
                jobs.Enqueue<SendMessageJob, Guid>(message.Id);
                return Task.CompletedTask;
            });
            return (message.ToResponse(), true);
        }
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (today is { } day)
            {
                await ConsumeQuotaAsync(channel, day, cancellationToken);
            }
            db.OutboxMessages.Add(message);
            audit.Record("message.queued", nameof(OutboxMessage), message.Id, $"{ApiConventions.EnumName(channel)} '{template.Key}' ({language})");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (idempotencyKey is not null)
            {
                // The same key, sent twice at once: the other request queued it.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return (await FindByKeyAsync(idempotencyKey, fingerprint, cancellationToken) ?? throw new InvalidOperationException("Lost an idempotent message."), false);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        jobs.Enqueue<SendMessageJob, Guid>(message.Id);
        return (message.ToResponse(), true);
    }

    public async Task<PagedResponse<MessageResponse>> ListAsync(MessageFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        var query = db.OutboxMessages.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }
        if (filter.Channel is { } channel)
        {
            query = query.Where(m => m.Channel == channel);
        }
        if (filter.WeddingId is { } weddingId)
        {
            query = query.Where(m => m.WeddingId == weddingId);
        }
        // Ids are GUID v7: newest first without sorting on a converted timestamp column.
        return await query.OrderByDescending(m => m.Id).ToPageAsync(paging, m => m.ToResponse(), cancellationToken);
    }

    public async Task<MessageResponse> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw ApiException.NotFound("Message")).ToResponse();

    /// <summary>The status of each of these messages that exists.</summary>
    public async Task<Dictionary<Guid, MessageStatus>> StatusesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Status, cancellationToken);

    public async Task<MessagePreviewResponse> PreviewAsync(PreviewMessageRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language ?? "en";
        var template = await FindTemplateAsync(request.TemplateKey, request.Channel!.Value, language, cancellationToken)
            ?? throw new ValidationFailedException("templateKey", $"There is no '{request.TemplateKey}' template for {ApiConventions.EnumName(request.Channel.Value)} in '{language}'.");
        var rendered = TemplateRenderer.Render(template, await WithStudioNameAsync(request.Variables, cancellationToken));
        return new MessagePreviewResponse(rendered.Subject, rendered.Body, rendered.ProviderParameters);
    }

    public async Task<IReadOnlyList<TemplateText>> TemplatesAsync(CancellationToken cancellationToken)
    {
        var own = (await db.MessageTemplates.AsNoTracking().ToListAsync(cancellationToken)).Select(ToText).ToList();
        return [.. own.Concat(TemplateRenderer.BuiltIn.Where(b => !own.Any(o => o.Key == b.Key && o.Channel == b.Channel && o.Language == b.Language)))
            .OrderBy(t => t.Key, StringComparer.Ordinal).ThenBy(t => t.Channel).ThenBy(t => t.Language, StringComparer.Ordinal)];
    }

    /// <summary>Saves the studio's wording; <paramref name="expectedVersion"/> is the version read: 0 for the built-in (or no) wording.</summary>
    public async Task<TemplateText> SaveTemplateAsync(string key, MessageChannel channel, string language, MessageTemplateRequest request, long? expectedVersion,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!System.Text.RegularExpressions.Regex.IsMatch(key, "^[a-z0-9][a-z0-9-]{0,59}$"))
        {
            errors.Add("key", "Use lowercase letters, digits and hyphens (at most 60).");
        }
        if (!Languages.Contains(language))
        {
            errors.Add("language", $"Use one of: {string.Join(", ", Languages)}.");
        }
        var parameters = request.ProviderParameters ?? [];
        if (channel == MessageChannel.WhatsApp && string.IsNullOrWhiteSpace(request.ProviderTemplate))
        {
            errors.Add("providerTemplate", "WhatsApp messages need the name of the template Meta approved.");
        }
        if (parameters.FirstOrDefault(p => !System.Text.RegularExpressions.Regex.IsMatch(p, "^[a-z][a-zA-Z0-9_]{0,39}$")) is { } bad)
        {
            errors.Add("providerParameters", $"'{bad}' is not a variable name.");
        }
        errors.ThrowIfAny();
        var template = await db.MessageTemplates.FirstOrDefaultAsync(t => t.Key == key && t.Channel == channel && t.Language == language, cancellationToken);
        if (template is null)
        {
            if (expectedVersion is { } expected && expected is not (0 or long.MinValue))
            {
                throw ApiException.Conflict("The template was reset to its built-in wording by someone else (now version 0). Reload it and apply your change again.");
            }
            template = new MessageTemplate { Key = key, Channel = channel, Language = language, Body = request.Body };
            db.MessageTemplates.Add(template);
        }
        else
        {
            Concurrency.Expect(template, expectedVersion, "template");
            // Every save is a new version, even of the same wording.
            db.Entry(template).State = EntityState.Modified;
        }
        template.Subject = request.Subject;
        template.Body = request.Body;
        // WhatsApp: the Meta-approved template's name; SMS: the DLT template id MSG91 sends (Twilio sends the body).
        template.ProviderTemplate = channel is MessageChannel.WhatsApp or MessageChannel.Sms && !string.IsNullOrWhiteSpace(request.ProviderTemplate)
            ? request.ProviderTemplate!.Trim()
            : null;
        template.ProviderParameters = [.. parameters];
        audit.Record("message-template.saved", nameof(MessageTemplate), template.Id, $"{key} {ApiConventions.EnumName(channel)} {language}");
        await db.SaveChangesAsync(cancellationToken);
        return ToText(template);
    }

    public async Task ResetTemplateAsync(string key, MessageChannel channel, string language, long? expectedVersion, CancellationToken cancellationToken)
    {
        var template = await db.MessageTemplates.FirstOrDefaultAsync(t => t.Key == key && t.Channel == channel && t.Language == language, cancellationToken)
            ?? throw ApiException.NotFound("Template");
        Concurrency.Expect(template, expectedVersion, "template");
        db.MessageTemplates.Remove(template);
        audit.Record("message-template.deleted", nameof(MessageTemplate), template.Id, $"{key} {ApiConventions.EnumName(channel)} {language}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<MessagingSettingsResponse> SettingsResponseAsync(CancellationToken cancellationToken)
    {
        var settings = await SettingsAsync(cancellationToken);
        var quota = options.Value.QuotaFor(tenant.Current.Plan);
        var today = await TodayAsync(cancellationToken);
        var usage = await db.MessagingUsage.AsNoTracking().Where(u => u.Day == today).ToListAsync(cancellationToken);
        int Used(MessageChannel channel) => usage.FirstOrDefault(u => u.Channel == channel)?.Count ?? 0;
        return new MessagingSettingsResponse(settings.SmsProvider, quota.Sms, quota.WhatsApp, Used(MessageChannel.Sms), Used(MessageChannel.WhatsApp), settings.Version);
    }

    /// <summary>Saves the studio's choices if they are still at <paramref name="expectedVersion"/> (null: any); 409 otherwise.</summary>
    public async Task<MessagingSettingsResponse> SaveSettingsAsync(MessagingSettingsRequest request, long? expectedVersion, CancellationToken cancellationToken)
    {
        var stored = await db.MessagingSettings.FirstOrDefaultAsync(cancellationToken);
        // Before the first save the settings are the defaults at version 1, as GET answers; saving makes version 2.
        var settings = stored ?? new MessagingSettings();
        Concurrency.Expect(settings, expectedVersion, "messaging settings");
        if (stored is null)
        {
            // GET answered the defaults as version 1: the first stored row is their next version.
            settings.Version++;
            db.MessagingSettings.Add(settings);
        }
        else
        {
            // Every save is a new version, even of the same choice.
            db.Entry(settings).State = EntityState.Modified;
        }
        settings.SmsProvider = request.SmsProvider!.Value;
        audit.Record("messaging-settings.updated", details: $"SMS through {ApiConventions.EnumName(settings.SmsProvider)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (stored is null)
        {
            throw ApiException.Conflict("The messaging settings were changed by someone else. Reload them and apply your change again.");
        }
        return await SettingsResponseAsync(cancellationToken);
    }

    private async Task<MessageResponse?> FindByKeyAsync(string key, string fingerprint, CancellationToken cancellationToken)
    {
        var earlier = await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.IdempotencyKey == key, cancellationToken);
        if (earlier is not null && earlier.RequestFingerprint != fingerprint)
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, "Idempotency key reused",
                "This Idempotency-Key was already used for a different message. Use a new key for a new message.");
        }
        return earlier?.ToResponse();
    }

    /// <summary>The recipient as it will be stored and sent; refused here, not at send time.</summary>
    private async Task<string?> RecipientAsync(MessageChannel channel, string recipient, FieldErrors errors, CancellationToken cancellationToken)
    {
        switch (channel)
        {
            case MessageChannel.Email:
                return errors.Check(() => EmailAddresses.Check(recipient, "recipient")) ? recipient : null;
            case MessageChannel.Sms or MessageChannel.WhatsApp:
                return errors.Check(() => PhoneNumbers.ToE164(recipient, "recipient"));
            default:
                if (!Guid.TryParse(recipient, out var userId) || await users.FindAsync(userId, cancellationToken) is not { Status: UserStatus.Active })
                {
                    errors.Add("recipient", "Push and in-app messages go to an active member of the studio: give their user id.");
                    return null;
                }
                return userId.ToString();
        }
    }

    /// <summary>Whether a member of the studio may open the wedding: everyone's weddings, or one whose team they are on.</summary>
    private async Task<bool> RecipientSeesAsync(Guid userId, Guid weddingId, CancellationToken cancellationToken) =>
        await users.FindAsync(userId, cancellationToken) is { } user
        && (Permissions.Has(user.Role, Permissions.WeddingViewAll) || await weddings.IdsWithMember(userId).ContainsAsync(weddingId, cancellationToken));

    private async Task<TemplateText?> FindTemplateAsync(string key, MessageChannel channel, string language, CancellationToken cancellationToken)
    {
        var own = await db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key && t.Channel == channel && t.Language == language, cancellationToken);
        return own is not null ? ToText(own) : TemplateRenderer.BuiltIn.FirstOrDefault(t => t.Key == key && t.Channel == channel && t.Language == language);
    }

    private async Task<Dictionary<string, string>> WithStudioNameAsync(IReadOnlyDictionary<string, string>? variables, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, string>(variables ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        all.TryAdd("studioName", await studio.CompanyNameAsync(cancellationToken));
        return all;
    }

    private async Task<MessagingSettings> SettingsAsync(CancellationToken cancellationToken) =>
        await db.MessagingSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new MessagingSettings();

    private async Task<DateOnly> TodayAsync(CancellationToken cancellationToken)
    {
        var zone = await studio.TimeZoneAsync(cancellationToken);
        return VenueTime.Today(time, zone);
    }

    /// <summary>
    /// For a paid channel, today (in the studio's time zone) and its usage row, made sure to exist before the quota is
    /// taken from it in the queuing transaction: requests queued at once would otherwise each find no row, and all but
    /// one fail on inserting it. Null for channels without a quota.
    /// </summary>
    private async Task<DateOnly?> OpenTodaysUsageAsync(MessageChannel channel, CancellationToken cancellationToken)
    {
        if (options.Value.QuotaFor(tenant.Current.Plan).For(channel) == int.MaxValue)
        {
            return null;
        }
        var today = await TodayAsync(cancellationToken);
        if (!await db.MessagingUsage.AnyAsync(u => u.Day == today && u.Channel == channel, cancellationToken))
        {
            var usage = new MessagingUsage { Day = today, Channel = channel, Count = 0 };
            db.MessagingUsage.Add(usage);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another request opened the day first.
            }
            finally
            {
                db.Entry(usage).State = EntityState.Detached;
            }
        }
        return today;
    }

    /// <summary>Counts one message against the channel's daily quota, or refuses it with 429 once the day's quota is used.</summary>
    private async Task ConsumeQuotaAsync(MessageChannel channel, DateOnly today, CancellationToken cancellationToken)
    {
        var limit = options.Value.QuotaFor(tenant.Current.Plan).For(channel);
        var counted = await db.MessagingUsage.Where(u => u.Day == today && u.Channel == channel && u.Count < limit)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Count, u => u.Count + 1), cancellationToken);
        if (counted == 1)
        {
            return;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await studio.TimeZoneAsync(cancellationToken));
        var midnight = TimeZoneInfo.ConvertTimeToUtc(today.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        throw new ApiException(StatusCodes.Status429TooManyRequests, "Daily quota reached",
            $"Your studio has sent its {limit:N0} {(channel == MessageChannel.Sms ? "SMS" : "WhatsApp")} messages for today. The quota renews at midnight ({zone.Id}).")
        {
            RetryAfter = midnight - time.GetUtcNow().UtcDateTime,
        };
    }

    private static TemplateText ToText(MessageTemplate t) =>
        new(t.Key, t.Channel, t.Language, t.Subject, t.Body, t.ProviderTemplate, t.ProviderParameters, BuiltIn: false, t.Version);
}
