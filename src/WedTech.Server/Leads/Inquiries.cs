using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using WedTech.Server.Identity;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Tenancy.Settings;

namespace WedTech.Server.Leads;

/// <summary>Section <c>Leads</c>: the inquiry form's guards and how long a lost lead's contact details are kept.</summary>
public sealed class LeadOptions
{
    /// <summary>A form sent sooner than this after it was shown is a robot's: answered as accepted, kept nowhere.</summary>
    [Range(0, 600)]
    public int InquiryMinimumSeconds { get; set; } = 3;

    /// <summary>A form shown longer ago than this is refused with a fresh one (the stamp is old).</summary>
    [Range(1, 168)]
    public int InquiryStampHours { get; set; } = 24;

    /// <summary>Posts of the form per address of a studio, per hour (whatever their outcome).</summary>
    [Range(1, 10_000)]
    public int InquiriesPerAddressPerHour { get; set; } = 10;

    /// <summary>Posts of the form to a studio per hour, from anywhere.</summary>
    [Range(1, 100_000)]
    public int InquiriesPerStudioPerHour { get; set; } = 300;

    /// <summary>DPDP: days after a lead is lost before its phone, e-mails and message are erased.</summary>
    [Range(0, 3650)]
    public int LostContactDays { get; set; } = 365;
}

/// <summary>
/// The signed time the form was shown, sent back with it: a post sooner than <see cref="LeadOptions.InquiryMinimumSeconds"/>
/// after it (a robot's), or with a stamp forged, of another studio or too old, keeps nothing.
/// </summary>
public sealed class InquiryStamps(IDataProtectionProvider protection, TimeProvider time, IOptions<LeadOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("WedTech.Leads.InquiryStamp.v1");

    public string Issue(Guid studio) => Issue(studio, time.GetUtcNow());

    public string Issue(Guid studio, DateTimeOffset at) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{studio:N}|{at.ToUnixTimeMilliseconds()}"));

    public StampCheck Check(string? stamp, Guid studio)
    {
        if (string.IsNullOrEmpty(stamp) || stamp.Length > 1000)
        {
            return StampCheck.Forged;
        }
        string text;
        try
        {
            text = _protector.Unprotect(stamp);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return StampCheck.Forged;
        }
        var parts = text.Split('|');
        if (parts.Length != 2 || parts[0] != studio.ToString("N") || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ms))
        {
            return StampCheck.Forged;
        }
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return age < TimeSpan.FromSeconds(options.Value.InquiryMinimumSeconds) ? StampCheck.TooFast
            : age > TimeSpan.FromHours(options.Value.InquiryStampHours) ? StampCheck.Expired
            : StampCheck.Good;
    }
}

public enum StampCheck { Good, TooFast, Expired, Forged }

/// <summary>Posts of the inquiry form: a few per address of a studio and a bound on the studio's, per hour.</summary>
public sealed class InquiryLimiter : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly PartitionedRateLimiter<(Guid Studio, string Address)> _limiter;

    public InquiryLimiter(IOptions<LeadOptions> options)
    {
        var (perAddress, perStudio) = (options.Value.InquiriesPerAddressPerHour, options.Value.InquiriesPerStudioPerHour);
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<(Guid Studio, string Address), string>(key =>
                RateLimitPartition.GetFixedWindowLimiter($"{key.Studio:N}|{key.Address}", _ => Options(perAddress))),
            PartitionedRateLimiter.Create<(Guid Studio, string Address), Guid>(key => RateLimitPartition.GetFixedWindowLimiter(key.Studio, _ => Options(perStudio))));
    }

    public bool TryAcquire(Guid studio, HttpContext http)
    {
        using var lease = _limiter.AttemptAcquire((studio, http.Connection.RemoteIpAddress?.ToString() ?? ""));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    private static FixedWindowRateLimiterOptions Options(int permits) => new() { PermitLimit = permits, Window = Window, QueueLimit = 0 };
}

/// <summary>
/// An inquiry from the studio's public form: a lead in the first open stage with an InquiryReceived line, a possible
/// duplicate flagged on its timeline (never merged by itself), one automatic reply on the couple's channel (e-mail when
/// given, else WhatsApp), and the studio's admins and planners told.
/// </summary>
public sealed partial class InquiryService(
    TenantDbContext db, LeadService leads, LeadStages stages, OutboxService outbox, UserNotices notices, LeadsChanged changes,
    TimeProvider time, ILogger<InquiryService> logger)
{
    /// <summary>The service's own checks of what a couple wrote (the page shows them with its own), keeping nothing.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> CheckAsync(LeadRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await leads.ApplyAsync(new Lead { Names = "", ContactName = "" }, request with { AssigneeId = null, StageId = null }, new FieldErrors(), cancellationToken);
            return new Dictionary<string, string[]>();
        }
        catch (ValidationFailedException invalid)
        {
            return invalid.Errors;
        }
    }

    public async Task<Guid> ReceiveAsync(LeadRequest request, CancellationToken cancellationToken)
    {
        var all = await stages.AllAsync(cancellationToken);
        var first = all.First(s => s.Kind == PipelineStageKind.Open);
        var errors = new FieldErrors();
        var now = time.GetUtcNow();
        var lead = new Lead { Names = "", ContactName = "", Source = LeadSource.Website, CreatedAt = now, StageChangedAt = now };
        await leads.ApplyAsync(lead, request with { AssigneeId = null, StageId = null }, errors, cancellationToken);
        lead.StageId = first.Id;
        lead.Position = await leads.TopOfAsync(first.Id, cancellationToken);
        db.Leads.Add(lead);
        leads.Record(lead.Id, LeadActivityKind.InquiryReceived, "Inquiry from the studio's form" + (lead.Message is null ? "." : $": {Clip(lead.Message, 300)}"));
        var duplicates = await leads.DuplicatesOf(lead).OrderByDescending(l => l.CreatedAt).Select(l => l.Names).Take(3).ToListAsync(cancellationToken);
        if (duplicates.Count > 0)
        {
            leads.Record(lead.Id, LeadActivityKind.Note,
                $"Possible duplicate of {string.Join(", ", duplicates)}: the same phone or e-mail. Compare them and merge from the lead's page.");
        }
        changes.AfterCommit(lead.Id, "created");
        await db.SaveChangesAsync(cancellationToken);

        await ReplyAsync(lead, cancellationToken);
        await TellStudioAsync(lead, first, cancellationToken);
        return lead.Id;
    }

    /// <summary>Once per lead (the outbox's idempotency key), on the couple's own channel.</summary>
    private async Task ReplyAsync(Lead lead, CancellationToken cancellationToken)
    {
        var (channel, recipient) = lead.Email is { } email ? (MessageChannel.Email, email) : (MessageChannel.WhatsApp, lead.Phone!);
        try
        {
            var (_, created) = await outbox.QueueAsync(new SendMessageRequest(channel, recipient, lead.ContactName, "inquiry-reply", "en",
                new Dictionary<string, string> { ["contactName"] = lead.ContactName, ["coupleNames"] = lead.Names }, null),
                $"inquiry-reply:{lead.Id:N}", cancellationToken);
            if (created)
            {
                leads.Record(lead.Id, LeadActivityKind.AutoReplySent, $"Thanked automatically by {(channel == MessageChannel.Email ? "e-mail" : "WhatsApp")}.");
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (ApiException refused)
        {
            // A quota spent or the channel not set up: the lead is kept, and the planner answers by hand.
            LogNoReply(logger, ApiConventions.EnumName(channel), refused is ValidationFailedException invalid ? string.Join(", ", invalid.Errors.Keys) : refused.Detail ?? refused.Title);
        }
    }

    private async Task TellStudioAsync(Lead lead, PipelineStage stage, CancellationToken cancellationToken)
    {
        var roles = Enum.GetValues<Role>().Where(r => Permissions.Has(r, Permissions.LeadView)).ToList();
        var people = await notices.InRolesAsync(roles, cancellationToken);
        var details = new List<string>();
        if (lead.Dates.Count > 0)
        {
            details.Add(string.Join(", ", lead.Dates.Select(d => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture))));
        }
        if (lead.City is { } city)
        {
            details.Add(city);
        }
        if (lead.GuestEstimate is { } guests)
        {
            details.Add(string.Create(CultureInfo.InvariantCulture, $"{guests} guests"));
        }
        await notices.TellAsync(people, "lead-new", new Dictionary<string, string>
        {
            ["leadNames"] = lead.Names,
            ["details"] = details.Count == 0 ? "no dates yet" : string.Join(" · ", details),
            ["stageName"] = stage.Name,
        }, null, AppLinks.Lead(lead.Id), $"lead-new:{lead.Id:N}", cancellationToken);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    [LoggerMessage(LogLevel.Warning, "Inquiry: the automatic reply by {Channel} was not queued: {Reason}")]
    private static partial void LogNoReply(ILogger logger, string channel, string reason);
}
