using WedTech.Server.Identity;
using WedTech.Server.Invoicing;
using WedTech.Server.Leads;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Proposals;

/// <summary>
/// A lead's proposals as the studio works on them: the draft (always editable until the couple accepts), sending it (a frozen,
/// numbered version, the couple's link kept, messages through the outbox, the lead's timeline and stage), the link, and the
/// sent versions with their views.
/// </summary>
public sealed class ProposalService(
    TenantDbContext db, ILeadDirectory leads, IBillingSettings billing, IStudioSettings studio, IWeddingDirectory weddings, ProposalLinks links,
    OutboxService outbox, CurrentUser currentUser, AuditLog audit, TimeProvider time, ILogger<ProposalService> logger)
{
    public async Task<IReadOnlyList<ProposalSummary>> ListAsync(Guid leadId, CancellationToken cancellationToken)
    {
        await leads.RequireAsync(leadId, cancellationToken);
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.LeadId == leadId).ToListAsync(cancellationToken);
        var ids = proposals.Select(p => p.Id).ToList();
        var views = (await db.ProposalVersions.AsNoTracking().Where(v => ids.Contains(v.ProposalId))
            .Select(v => new { v.ProposalId, v.Views, v.LastViewedAt }).ToListAsync(cancellationToken)).GroupBy(v => v.ProposalId).ToDictionary(g => g.Key);
        return [.. proposals.OrderByDescending(p => p.CreatedAt).Select(p =>
        {
            var seen = views.GetValueOrDefault(p.Id);
            return new ProposalSummary(p.Id, p.LeadId, p.Status, p.Title, ProposalMath.Totals(p.Lines, p.DiscountKind, p.DiscountValue, p.Plan, null).TotalPaise,
                p.SentVersions, seen?.Sum(v => v.Views) ?? 0, seen?.Max(v => v.LastViewedAt), p.ValidUntil, p.UpdatedAt, p.Version);
        })];
    }

    public async Task<ProposalResponse> GetAsync(Guid leadId, Guid id, CancellationToken cancellationToken)
    {
        await leads.RequireAsync(leadId, cancellationToken);
        return await ResponseAsync(await FindAsync(leadId, id, tracked: false, cancellationToken), cancellationToken);
    }

    public async Task<ProposalResponse> CreateAsync(Guid leadId, ProposalRequest request, CancellationToken cancellationToken)
    {
        await leads.RequireAsync(leadId, cancellationToken);
        if (await db.Proposals.CountAsync(p => p.LeadId == leadId, cancellationToken) >= ProposalLimits.MaxProposalsPerLead)
        {
            throw ApiException.Conflict($"A lead has at most {ProposalLimits.MaxProposalsPerLead} proposals.");
        }
        var proposal = new Proposal { LeadId = leadId, Title = "" };
        await ApplyAsync(proposal, request, cancellationToken);
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        return await ResponseAsync(proposal, cancellationToken);
    }

    /// <summary>Changes the draft. After a version was sent, the change is the next version's draft: the couple keep seeing the sent one until it is sent.</summary>
    public async Task<ProposalResponse> UpdateAsync(Guid leadId, Guid id, ProposalRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        await leads.RequireAsync(leadId, cancellationToken);
        var proposal = await FindAsync(leadId, id, tracked: true, cancellationToken);
        Concurrency.Expect(proposal, expectedVersion, "proposal");
        RequireNotAccepted(proposal);
        var before = Snapshot(proposal);
        await ApplyAsync(proposal, request, cancellationToken);
        if (proposal.SentVersions > 0 && Snapshot(proposal) != before)
        {
            proposal.Status = ProposalStatus.Draft;
        }
        await db.SaveChangesAsync(cancellationToken);
        return await ResponseAsync(proposal, cancellationToken);
    }

    public async Task DeleteAsync(Guid leadId, Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        await leads.RequireAsync(leadId, cancellationToken);
        var proposal = await FindAsync(leadId, id, tracked: true, cancellationToken);
        Concurrency.Expect(proposal, expectedVersion, "proposal");
        if (proposal.SentVersions > 0)
        {
            throw ApiException.Conflict("This proposal was sent to the couple: it is kept. Revoke its link if they should no longer open it.");
        }
        db.Proposals.Remove(proposal);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Freezes the draft as the next version, keeps (or makes) the couple's link, records it on the lead's timeline and moves
    /// the lead to "Proposal sent", then queues the messages. Sending an unchanged proposal again sends the same version again.
    /// </summary>
    public async Task<SendProposalResponse> SendAsync(Guid leadId, Guid id, SendProposalRequest request, CancellationToken cancellationToken)
    {
        var lead = await leads.RequireAsync(leadId, cancellationToken);
        var proposal = await FindAsync(leadId, id, tracked: true, cancellationToken);
        RequireNotAccepted(proposal);
        var errors = new FieldErrors();
        var today = await studio.TodayAsync(cancellationToken);
        if (proposal.Lines.Count == 0)
        {
            errors.Add("lines", "Add at least one service before sending.");
        }
        if (proposal.ValidUntil is not { } validUntil)
        {
            errors.Add("validUntil", "Say until when the proposal holds before sending it.");
        }
        else if (validUntil < today)
        {
            errors.Add("validUntil", $"The proposal held until {IndianFormat.Date(validUntil)}, which has passed. Give a date from today on.");
        }
        var channels = (request.Channels is { Count: > 0 } asked ? asked.Distinct() : lead.Email is not null ? [MessageChannel.Email] : [MessageChannel.WhatsApp]).ToList();
        foreach (var channel in channels)
        {
            if (channel is not (MessageChannel.Email or MessageChannel.WhatsApp or MessageChannel.Sms))
            {
                errors.Add("channels", "A proposal goes by e-mail, WhatsApp or SMS.");
            }
            else if ((channel == MessageChannel.Email ? lead.Email : lead.Phone) is null)
            {
                errors.Add("channels", channel == MessageChannel.Email
                    ? $"{lead.ContactName} has no e-mail address on the lead: send by WhatsApp or SMS, or add one."
                    : $"{lead.ContactName} has no mobile number on the lead: send by e-mail, or add one.");
            }
        }
        errors.ThrowIfAny();

        var now = time.GetUtcNow();
        var latest = proposal.SentVersions == 0 ? null
            : await db.ProposalVersions.AsNoTracking().FirstAsync(v => v.ProposalId == proposal.Id && v.Number == proposal.SentVersions, cancellationToken);
        ProposalVersion version;
        if (latest is not null && proposal.Status == ProposalStatus.Sent)
        {
            version = latest;
        }
        else
        {
            version = new ProposalVersion
            {
                ProposalId = proposal.Id, Number = proposal.SentVersions + 1, Title = proposal.Title, Intro = proposal.Intro, Lines = [.. proposal.Lines],
                DiscountKind = proposal.DiscountKind, DiscountValue = proposal.DiscountValue, ValidUntil = proposal.ValidUntil, Plan = [.. proposal.Plan], SentAt = now,
                SentBy = currentUser.User?.Id,
            };
            db.ProposalVersions.Add(version);
            proposal.SentVersions = version.Number;
            proposal.Status = ProposalStatus.Sent;
            proposal.ChangesAsked = null;
        }
        var link = links.Keep(proposal, now);
        var by = string.Join(" and ", channels.Select(ChannelName));
        await leads.RecordAsync(leadId, LeadActivityKind.ProposalSent, $"Proposal “{version.Title}” (version {version.Number}) sent by {by}.", proposal.Id, cancellationToken);
        await leads.ReachedAsync(leadId, PipelineStageKind.ProposalSent, cancellationToken);
        audit.Note(proposal, $"sent version {version.Number} by {by}");
        await db.SaveChangesAsync(cancellationToken);

        var sent = new List<MessageChannel>();
        var totals = ProposalMath.Totals(version.Lines, version.DiscountKind, version.DiscountValue, version.Plan, null);
        foreach (var channel in channels)
        {
            var variables = new Dictionary<string, string>
            {
                ["contactName"] = Shorten(lead.ContactName),
                ["title"] = Shorten(version.Title),
                ["total"] = IndianFormat.Rupees(totals.TotalPaise),
                ["validUntil"] = IndianFormat.Date(version.ValidUntil!.Value),
                ["proposalLink"] = link,
            };
            try
            {
                await outbox.QueueAsync(new SendMessageRequest(channel, channel == MessageChannel.Email ? lead.Email! : lead.Phone!, Shorten(lead.ContactName),
                    TemplateKey, "en", variables, null), $"proposal:{version.Id:N}:{ApiConventions.EnumName(channel)}:{now.ToUnixTimeMilliseconds()}", cancellationToken);
                sent.Add(channel);
            }
            catch (ValidationFailedException refused)
            {
                // The address may be in the reason: only the fields are logged.
                logger.LogWarning("A proposal message by {Channel} was not queued: {Fields}", channel, string.Join(", ", refused.Errors.Keys));
            }
        }
        if (sent.Count == 0)
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, "Not sent",
                $"Version {version.Number} is saved and its link works, but no message could be queued: check {lead.ContactName}'s e-mail address and mobile number on the lead.");
        }
        return new SendProposalResponse(await ResponseAsync(proposal, cancellationToken), version.Number, link, sent);
    }

    public const string TemplateKey = "proposal-sent";

    /// <summary>A new link for the couple, ending the old one (a link forwarded to the wrong person).</summary>
    public async Task<ProposalResponse> NewLinkAsync(Guid leadId, Guid id, CancellationToken cancellationToken)
    {
        await leads.RequireAsync(leadId, cancellationToken);
        var proposal = await FindAsync(leadId, id, tracked: true, cancellationToken);
        if (proposal.SentVersions == 0)
        {
            throw ApiException.Conflict("Send the proposal first: its link shows the version sent.");
        }
        links.Issue(proposal, time.GetUtcNow());
        audit.Note(proposal, "new link for the couple");
        await db.SaveChangesAsync(cancellationToken);
        return await ResponseAsync(proposal, cancellationToken);
    }

    /// <summary>Ends the couple's link: it opens nothing until a new one is made or the proposal is sent again.</summary>
    public async Task RevokeLinkAsync(Guid leadId, Guid id, CancellationToken cancellationToken)
    {
        await leads.RequireAsync(leadId, cancellationToken);
        var proposal = await FindAsync(leadId, id, tracked: true, cancellationToken);
        proposal.LinkTokenHash = null;
        proposal.LinkIssuedAt = null;
        audit.Note(proposal, "link revoked");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A wedding's proposals: all of its lead's for the studio's people; for the couple, only what they accepted.</summary>
    public async Task<IReadOnlyList<ProposalResponse>> OfWeddingAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        var staff = currentUser.Can(Permissions.LeadView);
        if (!staff && !currentUser.Can(Permissions.ContractOwn))
        {
            throw ApiException.Forbidden("Your role may not see proposals.");
        }
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.WeddingId == weddingId && (staff || p.Status == ProposalStatus.Accepted))
            .ToListAsync(cancellationToken);
        var list = new List<ProposalResponse>();
        foreach (var proposal in proposals.OrderByDescending(p => p.CreatedAt))
        {
            var response = await ResponseAsync(proposal, cancellationToken);
            if (!staff)
            {
                var accepted = response.Versions.Single(v => v.Acceptance is not null);
                response = response with
                {
                    Title = accepted.Title, Intro = accepted.Intro, Lines = accepted.Lines, DiscountKind = accepted.DiscountKind, DiscountValue = accepted.DiscountValue,
                    ValidUntil = accepted.ValidUntil, Plan = accepted.Plan, Totals = accepted.Acceptance!.Totals, ChangedSinceSent = false, Link = null,
                    Versions = [accepted with { Acceptance = accepted.Acceptance with { IpAddress = null, UserAgent = null } }], ChangesAsked = null,
                };
            }
            list.Add(response);
        }
        return list;
    }

    public async Task<(ProposalVersion Version, ProposalResponse Proposal, StudioBilling Studio)> VersionForPdfAsync(Guid leadId, Guid id, int number, CancellationToken cancellationToken)
    {
        await leads.RequireAsync(leadId, cancellationToken);
        var proposal = await FindAsync(leadId, id, tracked: false, cancellationToken);
        var version = await db.ProposalVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ProposalId == id && v.Number == number, cancellationToken)
            ?? throw ApiException.NotFound("Version");
        return (version, await ResponseAsync(proposal, cancellationToken), await billing.StudioAsync(cancellationToken));
    }

    public async Task<string> LeadNamesAsync(Guid leadId, CancellationToken cancellationToken) => (await leads.RequireAsync(leadId, cancellationToken)).Names;

    private async Task ApplyAsync(Proposal proposal, ProposalRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var defaultSac = (await billing.StudioAsync(cancellationToken)).DefaultSac;
        var requested = (request.Lines ?? []).ToList();
        foreach (var (packageId, index) in (request.PackageIds ?? []).Select((p, i) => (p, i)))
        {
            var package = await db.ServicePackages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == packageId, cancellationToken);
            if (package is null)
            {
                errors.Add($"packageIds[{index}]", "There is no such package in your catalogue.");
                continue;
            }
            requested.AddRange(package.Lines.Select(l => new ProposalLineRequest(l.Service, l.Description, l.Sac, l.Quantity, l.UnitPaise, l.GstRateBasisPoints, l.Optional,
                l.IncludedByDefault)));
        }
        if (requested.Count > ProposalLimits.MaxLines)
        {
            errors.Add("lines", $"A proposal has at most {ProposalLimits.MaxLines} lines.");
        }
        var lines = ProposalLines.Read(requested, proposal.Lines, defaultSac, errors, "lines");
        var kind = request.DiscountKind;
        var value = request.DiscountValue ?? 0;
        if (kind is null && value != 0)
        {
            errors.Add("discountKind", "Say whether the discount is an amount or a percentage.");
        }
        if (kind == DiscountKind.Percent && value > 10_000)
        {
            errors.Add("discountValue", "A percentage discount is at most 100% (10000 basis points).");
        }
        if (!errors.Any && kind == DiscountKind.Amount)
        {
            var subtotal = ProposalMath.Taken(lines, null).Aggregate(0L, (sum, l) => sum + l.Quantity * l.UnitPaise);
            if (value > subtotal)
            {
                errors.Add("discountValue", $"The discount ({IndianFormat.Rupees(value)}) is more than the services it is taken from come to ({IndianFormat.Rupees(subtotal)}).");
            }
        }
        if (request.ValidUntil is { Year: < 2000 or > 2100 })
        {
            errors.Add("validUntil", "The date must be between the years 2000 and 2100.");
        }
        var plan = (request.Plan ?? []).Select(p => new ProposalInstalment(p.Label.Trim(), p.Kind!.Value, p.DueOn!.Value, p.ShareBasisPoints!.Value)).ToList();
        foreach (var (instalment, index) in plan.Select((p, i) => (p, i)).Where(x => x.p.DueOn is { Year: < 2000 or > 2100 }))
        {
            errors.Add($"plan[{index}].dueOn", "The date must be between the years 2000 and 2100.");
        }
        if (plan.Count > 0 && plan.Sum(p => (long)p.ShareBasisPoints) != 10_000)
        {
            errors.Add("plan", $"The instalments come to {plan.Sum(p => (long)p.ShareBasisPoints) / 100m:0.##}% of the total: make them add up to 100%.");
        }
        errors.ThrowIfAny();
        proposal.Title = request.Title.Trim();
        proposal.Intro = request.Intro.TrimmedOrNull();
        proposal.Lines = lines;
        proposal.DiscountKind = kind;
        proposal.DiscountValue = kind is null ? 0 : value;
        proposal.ValidUntil = request.ValidUntil;
        proposal.Plan = plan;
    }

    private static string Snapshot(Proposal p) => System.Text.Json.JsonSerializer.Serialize(new { p.Title, p.Intro, p.Lines, p.DiscountKind, p.DiscountValue, p.ValidUntil, p.Plan });

    private static void RequireNotAccepted(Proposal proposal)
    {
        if (proposal.Status == ProposalStatus.Accepted)
        {
            throw ApiException.Conflict("The couple accepted this proposal: it no longer changes. Make a new proposal for anything more.");
        }
    }

    private async Task<Proposal> FindAsync(Guid leadId, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Proposals.Where(p => p.Id == id && p.LeadId == leadId);
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken) ?? throw ApiException.NotFound("Proposal");
    }

    internal async Task<ProposalResponse> ResponseAsync(Proposal p, CancellationToken cancellationToken)
    {
        var versions = await db.ProposalVersions.AsNoTracking().Where(v => v.ProposalId == p.Id).ToListAsync(cancellationToken);
        return new ProposalResponse(p.Id, p.LeadId, p.Status, p.Title, p.Intro, [.. p.Lines.Select(ProposalLines.ToLine)], p.DiscountKind, p.DiscountValue, p.ValidUntil,
            p.Plan, ProposalMath.Totals(p.Lines, p.DiscountKind, p.DiscountValue, p.Plan, null), p.Status == ProposalStatus.Draft && p.SentVersions > 0,
            links.Current(p), [.. versions.OrderByDescending(v => v.Number).Select(v => VersionResponse(v, p.SentVersions))], p.ChangesAsked, p.CreatedAt, p.Version);
    }

    internal static ProposalVersionResponse VersionResponse(ProposalVersion v, int latest) => new(
        v.Id, v.Number, v.Title, v.Intro, [.. v.Lines.Select(ProposalLines.ToLine)], v.DiscountKind, v.DiscountValue, v.ValidUntil, v.Plan,
        ProposalMath.Totals(v.Lines, v.DiscountKind, v.DiscountValue, v.Plan, null), v.SentAt, v.Views, v.FirstViewedAt, v.LastViewedAt, v.Number < latest,
        v.AcceptedAt is { } at
            ? new ProposalAcceptance(v.AcceptedName!, at, v.AcceptedIp, v.AcceptedUserAgent, ProposalMath.Totals(v.Lines, v.DiscountKind, v.DiscountValue, v.Plan, v.AcceptedOptions))
            : null);

    public static string ChannelName(MessageChannel channel) => channel switch
    {
        MessageChannel.WhatsApp => "WhatsApp",
        MessageChannel.Sms => "SMS",
        _ => "e-mail",
    };

    private static string Shorten(string text) => text.Length > 100 ? text[..100] : text;
}
