using WedTech.Server.Leads;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Settings;

namespace WedTech.Server.Proposals;

/// <summary>A proposal behind a couple's link: the proposal, its latest sent version and the lead.</summary>
public sealed record CoupleProposal(Proposal Proposal, ProposalVersion Latest, LeadContact Lead, string StudioName, DateOnly Today)
{
    public bool Expired => Latest.ValidUntil is { } until && Today > until;

    /// <summary>Why the couple may not accept the version they see, or null when they may.</summary>
    public string? WhyNot => Proposal.Status == ProposalStatus.Accepted
        ? Latest.AcceptedAt is { } at ? $"You accepted this proposal on {IndianFormat.Date(DateOnly.FromDateTime(at.UtcDateTime))}. {StudioName} will be in touch." : "This proposal was accepted."
        : Expired ? $"This proposal held until {IndianFormat.Date(Latest.ValidUntil!.Value)}. Ask {StudioName} for a new one: the prices may have changed."
        : null;
}

/// <summary>
/// The couple's side of a proposal, from its link, with no account: the latest sent version, views counted once a visit,
/// accepting it with the options chosen (the totals worked out again here, whatever the page showed), or asking for changes.
/// Acts for no signed-in user; the planner following the lead is told.
/// </summary>
public sealed class CoupleProposals(
    TenantDbContext db, TenantContext tenant, ILeadDirectory leads, IStudioSettings studio, UserNotices notices, TimeProvider time)
{
    /// <summary>The proposal behind a link of this studio; null for anything else (unknown, revoked, replaced, never sent).</summary>
    public async Task<CoupleProposal?> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        if (ProposalLinks.HashOf(token) is not { } hash)
        {
            return null;
        }
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.LinkTokenHash == hash, cancellationToken);
        if (proposal is null || proposal.SentVersions == 0)
        {
            return null;
        }
        var latest = await db.ProposalVersions.FirstAsync(v => v.ProposalId == proposal.Id && v.Number == proposal.SentVersions, cancellationToken);
        var lead = await leads.FindAsync(proposal.LeadId, cancellationToken);
        return lead is null ? null : new CoupleProposal(proposal, latest, lead, tenant.Current.CompanyName, await studio.TodayAsync(cancellationToken));
    }

    /// <summary>A visit: counted, and the first view of a version is a line on the lead's timeline.</summary>
    public async Task ViewedAsync(CoupleProposal opened, CancellationToken cancellationToken)
    {
        var version = opened.Latest;
        var now = time.GetUtcNow();
        version.Views++;
        version.LastViewedAt = now;
        if (version.FirstViewedAt is null)
        {
            version.FirstViewedAt = now;
            await leads.RecordAsync(opened.Proposal.LeadId, LeadActivityKind.ProposalViewed,
                $"The couple opened proposal “{version.Title}” (version {version.Number}).", opened.Proposal.Id, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public static CoupleProposalResponse Response(CoupleProposal opened)
    {
        var version = ProposalService.VersionResponse(opened.Latest, opened.Proposal.SentVersions);
        version = version with { Views = 0, FirstViewedAt = null, LastViewedAt = null, Acceptance = version.Acceptance is null ? null : version.Acceptance with { IpAddress = null, UserAgent = null } };
        return new CoupleProposalResponse(opened.StudioName, opened.Lead.Names, version, opened.WhyNot is null, opened.WhyNot, opened.Proposal.Status);
    }

    /// <summary>
    /// Accepts the latest version with the options chosen. Refused: a version that is not the latest (the studio sent a newer
    /// one), one past its validity, or a proposal accepted already. The totals are the server's, from the choices.
    /// </summary>
    public async Task<ProposalTotals> AcceptAsync(CoupleProposal opened, AcceptProposalRequest request, string? ip, string? userAgent, CancellationToken cancellationToken)
    {
        RequireOpenFor(opened, request.VersionNumber!.Value);
        var version = opened.Latest;
        var options = (request.Options ?? []).Distinct().ToList();
        var optional = version.Lines.Where(l => l.Optional).Select(l => l.Id).ToHashSet();
        if (options.Any(o => !optional.Contains(o)))
        {
            throw new ValidationFailedException("options", "Choose only among the proposal's optional services.");
        }
        var totals = ProposalMath.Totals(version.Lines, version.DiscountKind, version.DiscountValue, version.Plan, options);
        var now = time.GetUtcNow();
        version.AcceptedName = request.Name.Trim();
        version.AcceptedAt = now;
        version.AcceptedIp = ip is { Length: > 45 } ? ip[..45] : ip;
        version.AcceptedUserAgent = userAgent is { Length: > 300 } ? userAgent[..300] : userAgent;
        version.AcceptedOptions = options;
        opened.Proposal.Status = ProposalStatus.Accepted;
        opened.Proposal.ChangesAsked = null;
        var text = $"{version.AcceptedName} accepted proposal “{version.Title}” (version {version.Number}) for {IndianFormat.Rupees(totals.TotalPaise)}.";
        await leads.RecordAsync(opened.Proposal.LeadId, LeadActivityKind.ProposalAccepted, text, opened.Proposal.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await TellAsync(opened, "proposal-accepted", $"proposal-accepted:{version.Id:N}", new Dictionary<string, string>
        {
            ["leadNames"] = opened.Lead.Names, ["title"] = version.Title, ["details"] = text,
        }, cancellationToken);
        return totals;
    }

    /// <summary>The couple ask for changes: their message goes on the lead's timeline and to the planner.</summary>
    public async Task AskForChangesAsync(CoupleProposal opened, AskForChangesRequest request, CancellationToken cancellationToken)
    {
        RequireOpenFor(opened, request.VersionNumber!.Value, expiredToo: true);
        var message = request.Message.Trim();
        var who = request.Name.TrimmedOrNull() ?? "The couple";
        opened.Proposal.ChangesAsked = message;
        var text = $"{who} asked for changes to proposal “{opened.Latest.Title}” (version {opened.Latest.Number}): {message}";
        await leads.RecordAsync(opened.Proposal.LeadId, LeadActivityKind.ProposalChangesAsked, text.Length > 4000 ? text[..4000] : text, opened.Proposal.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await TellAsync(opened, "proposal-changes-asked", $"proposal-changes:{opened.Latest.Id:N}:{time.GetUtcNow().ToUnixTimeMilliseconds()}", new Dictionary<string, string>
        {
            ["leadNames"] = opened.Lead.Names, ["title"] = opened.Latest.Title, ["details"] = message.Length > 400 ? message[..400] + "…" : message,
        }, cancellationToken);
    }

    private static void RequireOpenFor(CoupleProposal opened, int versionNumber, bool expiredToo = false)
    {
        if (versionNumber != opened.Latest.Number)
        {
            throw ApiException.Conflict($"{opened.StudioName} has sent a newer version of this proposal (version {opened.Latest.Number}). Look at it again before you answer.");
        }
        if (opened.Proposal.Status == ProposalStatus.Accepted || (!expiredToo && opened.Expired))
        {
            throw ApiException.Conflict(opened.WhyNot!);
        }
    }

    /// <summary>The planner following the lead, or the studio's admins when no one does.</summary>
    private async Task TellAsync(CoupleProposal opened, string template, string occurrence, Dictionary<string, string> variables, CancellationToken cancellationToken)
    {
        var people = opened.Lead.AssigneeId is { } assignee ? [assignee] : await notices.InRolesAsync([Role.Admin], cancellationToken);
        await notices.TellAsync(people, template, variables, null, AppLinks.Proposal(opened.Proposal.LeadId, opened.Proposal.Id), occurrence, cancellationToken);
    }
}
