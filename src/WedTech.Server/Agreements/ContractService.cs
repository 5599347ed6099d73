using System.Security.Cryptography;
using WedTech.Server.Files;
using WedTech.Server.Identity;
using WedTech.Server.Leads;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Money;
using WedTech.Server.Proposals;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Agreements;

/// <summary>
/// Contracts for leads: prepared from a template, sent as a frozen version (PDF with its SHA-256, a signing link), signed by the
/// couple from the link (<see cref="ContractSigning"/>), countersigned by the studio, and downloaded with their hash checked.
/// </summary>
public sealed partial class ContractService(
    TenantDbContext db, ILeadDirectory leads, IProposalTerms proposals, FileService files, OutboxService outbox, ContractLinks links,
    IStudioSettings studio, CurrentUser current, AuditLog audit, UserNotices notices, IWeddingDirectory weddings, TimeProvider time, ILogger<ContractService> logger)
{
    /// <summary>The owner type of a contract's PDFs (stored by the Files module, read only through this service).</summary>
    public const string FileOwner = "contract";

    public async Task<List<ContractSummary>> ListAsync(Guid leadId, CancellationToken cancellationToken)
    {
        await leads.RequireAsync(leadId, cancellationToken);
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.LeadId == leadId).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var ids = contracts.Select(c => c.Id).ToList();
        var versions = await db.ContractVersions.AsNoTracking().Where(v => ids.Contains(v.ContractId))
            .Select(v => new { v.ContractId, v.Number, v.State }).ToListAsync(cancellationToken);
        return contracts.Select(c => new ContractSummary(c.Id, c.LeadId, c.WeddingId, c.Title, c.FeePaise, c.Status,
            c.LastVersionNumber == 0 ? null : c.LastVersionNumber,
            versions.Where(v => v.ContractId == c.Id && v.State == ContractVersionState.FullySigned).Select(v => v.Number).Order().ToList(), c.Version, c.UpdatedAt)).ToList();
    }

    public async Task<ContractResponse> GetAsync(Guid leadId, Guid id, CancellationToken cancellationToken)
    {
        await leads.RequireAsync(leadId, cancellationToken);
        return await ResponseAsync(await FindAsync(leadId, id, cancellationToken), cancellationToken);
    }

    /// <summary>A new contract's fee and plan: those of the lead's accepted proposal, or none.</summary>
    public async Task<ContractDefaultsResponse> DefaultsAsync(Guid leadId, CancellationToken cancellationToken)
    {
        await leads.RequireAsync(leadId, cancellationToken);
        return await proposals.AcceptedAsync(leadId, cancellationToken) is { } accepted
            ? new ContractDefaultsResponse(accepted.TotalPaise, [.. accepted.Plan.Select(ToInstalment)], accepted.Title, accepted.VersionNumber)
            : new ContractDefaultsResponse(null, [], null, null);
    }

    public async Task<ContractResponse> CreateAsync(Guid leadId, ContractRequest request, CancellationToken cancellationToken)
    {
        await leads.RequireAsync(leadId, cancellationToken);
        var errors = new FieldErrors();
        ContractTemplate? template = null;
        if (request.TemplateId is not { } templateId)
        {
            errors.Add("templateId", "Choose the template the contract is made from.");
        }
        else if ((template = await db.ContractTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, cancellationToken)) is null)
        {
            errors.Add("templateId", "There is no such contract template.");
        }
        var contract = new Contract
        {
            LeadId = leadId, TemplateId = template?.Id, Title = template?.Title ?? "", Body = template?.Body ?? "",
            CancellationTerms = ContractTemplatesSeeder.DefaultCancellationTerms,
        };
        Apply(contract, request, errors);
        db.Contracts.Add(contract);
        audit.Record("contract.created", nameof(Contract), contract.Id, contract.Title);
        await db.SaveChangesAsync(cancellationToken);
        return await ResponseAsync(contract, cancellationToken);
    }

    /// <summary>
    /// Changes the terms. A version waiting for signatures is withdrawn (its link stops working); a signed version stays as it
    /// was signed. Either way the contract is a draft again, and the next send makes a new version.
    /// </summary>
    public async Task<ContractResponse> UpdateAsync(Guid leadId, Guid id, ContractRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        await leads.RequireAsync(leadId, cancellationToken);
        var contract = await FindAsync(leadId, id, cancellationToken);
        Concurrency.Expect(contract, expectedVersion, "contract");
        var errors = new FieldErrors();
        if (request.TemplateId is { } templateId && templateId != contract.TemplateId)
        {
            if (await db.ContractTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, cancellationToken) is { } template)
            {
                contract.TemplateId = template.Id;
                contract.Title = template.Title;
                contract.Body = template.Body;
            }
            else
            {
                errors.Add("templateId", "There is no such contract template.");
            }
        }
        Apply(contract, request, errors);
        if (contract.Status is ContractStatus.AwaitingCouple or ContractStatus.AwaitingStudio)
        {
            foreach (var pending in await db.ContractVersions.Where(v => v.ContractId == id
                && (v.State == ContractVersionState.AwaitingCouple || v.State == ContractVersionState.AwaitingStudio)).ToListAsync(cancellationToken))
            {
                pending.State = ContractVersionState.Superseded;
                pending.CodeHash = null;
                db.ContractEvents.Add(new ContractEvent { VersionId = pending.Id, At = time.GetUtcNow(), What = "Withdrawn: the contract was changed" });
            }
        }
        contract.Status = ContractStatus.Draft;
        await db.SaveChangesAsync(cancellationToken);
        return await ResponseAsync(contract, cancellationToken);
    }

    /// <summary>
    /// Freezes the terms into a new version, renders its PDF (stored with its SHA-256), makes its signing link and sends it to
    /// the couple by e-mail (or SMS when the lead has no e-mail), with a ContractSent line on the lead's timeline.
    /// </summary>
    public async Task<ContractSentResponse> SendAsync(Guid leadId, Guid id, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var lead = await leads.RequireAsync(leadId, cancellationToken);
        var contract = await FindAsync(leadId, id, cancellationToken);
        if (contract.Status != ContractStatus.Draft)
        {
            throw ApiException.Conflict(contract.Status == ContractStatus.FullySigned
                ? "This contract is signed. Change it first: the change is sent as a new version that needs new signatures."
                : "This version is already with the couple for signing. Change the contract to send a new version (the link sent stops working).");
        }
        var channel = lead.Email is not null ? MessageChannel.Email : lead.Phone is not null ? MessageChannel.Sms : (MessageChannel?)null;
        if (channel is null)
        {
            throw ApiException.Conflict("The lead has neither an e-mail address nor a phone number to send the signing link to. Add one to the lead first.");
        }
        var studioName = await studio.CompanyNameAsync(cancellationToken);
        var number = contract.LastVersionNumber + 1;
        var text = ContractMarkup.Fill(contract.Body, await ValuesAsync(contract, lead, studioName, cancellationToken));
        var pdf = ContractPdf.Document(contract.Title, text, studioName, number);
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var stored = await files.StoreOwnedAsync(FileOwner, contract.Id, $"{FileName(contract.Title)}-v{number}.pdf", pdf, cancellationToken);

        var now = time.GetUtcNow();
        var version = new ContractVersion
        {
            ContractId = contract.Id, LeadId = leadId, Number = number, Title = contract.Title, Text = text, DocumentFileId = stored.Id, DocumentSha256 = sha,
            SentAt = now, SentBy = current.User?.Id, State = ContractVersionState.AwaitingCouple,
        };
        var (token, issuedAt) = links.Issue(version.Id);
        version.TokenHash = ContractLinks.Hash(token);
        version.LinkIssuedAt = issuedAt;
        db.ContractVersions.Add(version);
        contract.Status = ContractStatus.AwaitingCouple;
        contract.LastVersionNumber = number;
        db.ContractEvents.Add(new ContractEvent
        {
            VersionId = version.Id, At = now, What = Clip($"Sent for signing by {current.User?.Email ?? "the studio"}", 300), Ip = origin.Ip, UserAgent = origin.UserAgent,
            Channel = ChannelName(channel.Value), Sha256 = sha,
        });
        await leads.RecordAsync(leadId, LeadActivityKind.ContractSent, $"Contract \"{contract.Title}\" (version {number}) sent for signing.", contract.Id, cancellationToken);
        audit.Record("contract.sent", nameof(Contract), contract.Id, $"version {number}, sha256 {sha}");
        var recipient = channel == MessageChannel.Email ? lead.Email! : lead.Phone!;
        // The outbox saves the version, the contract, the timeline line and the message together.
        await outbox.QueueAsync(new SendMessageRequest(channel.Value, recipient, lead.ContactName, "contract-sign", "en", new Dictionary<string, string>
        {
            ["coupleNames"] = lead.Names, ["contractTitle"] = contract.Title, ["signLink"] = links.Url(token),
        }, null), $"contract-sign:{version.Id:N}", cancellationToken);
        return new ContractSentResponse(number, sha, channel.Value, await ResponseAsync(contract, cancellationToken));
    }

    /// <summary>The studio signs the version the couple signed: the final PDF (pages, signatures, certificate) is made and stored with its own SHA-256.</summary>
    public async Task<ContractResponse> CountersignAsync(Guid leadId, Guid id, CountersignRequest request, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var lead = await leads.RequireAsync(leadId, cancellationToken);
        var contract = await FindAsync(leadId, id, cancellationToken);
        var errors = new FieldErrors();
        var name = request.Name?.Trim() ?? "";
        if (name.Length < 2)
        {
            errors.Add("name", "Type your full name as you sign.");
        }
        var png = SignatureImage.Read(request.Signature, "signature", errors);
        if (request.Consent != true)
        {
            errors.Add("consent", "Tick the box to agree to sign electronically.");
        }
        errors.ThrowIfAny();
        if (contract.Status != ContractStatus.AwaitingStudio)
        {
            throw ApiException.Conflict(contract.Status switch
            {
                ContractStatus.FullySigned => "This contract is already countersigned.",
                ContractStatus.Draft => "This contract has not been sent for signing since it was last changed.",
                _ => "The couple has not signed this contract yet; countersign once they have.",
            });
        }
        var version = await db.ContractVersions.FirstAsync(v => v.ContractId == id && v.State == ContractVersionState.AwaitingStudio, cancellationToken);
        await ReadCheckedAsync(version, version.DocumentFileId, version.DocumentSha256, cancellationToken);

        var now = time.GetUtcNow();
        var user = current.Required;
        var signature = new ContractSignature
        {
            VersionId = version.Id, Party = SignatureParty.Studio, Name = name, Png = png!, UserId = user.Id, ViewedAt = now, SignedAt = now,
            Ip = origin.Ip, UserAgent = origin.UserAgent, OtpChannel = StudioChannel, DocumentSha256 = version.DocumentSha256,
        };
        var countersigned = new ContractEvent
        {
            VersionId = version.Id, At = now, What = Clip($"Countersigned for the studio by {name} (signed in as {user.Email})", 300), Ip = origin.Ip,
            UserAgent = origin.UserAgent, Channel = StudioChannel, Sha256 = version.DocumentSha256,
        };
        var couple = await db.ContractSignatures.AsNoTracking().FirstAsync(s => s.VersionId == version.Id && s.Party == SignatureParty.Couple, cancellationToken);
        var trail = (await TrailAsync(version.Id, cancellationToken)).Append(ToLine(countersigned)).ToList();
        var studioName = await studio.CompanyNameAsync(cancellationToken);
        var final = ContractPdf.Final(version.Title, version.Text, studioName, version.Number, version.DocumentSha256,
            [new SignedBy(SignatureParty.Couple, couple.Name, couple.Png, couple.SignedAt), new SignedBy(SignatureParty.Studio, name, png!, now)], trail);
        var finalSha = Convert.ToHexStringLower(SHA256.HashData(final));
        var stored = await files.StoreOwnedAsync(FileOwner, contract.Id, $"{FileName(version.Title)}-v{version.Number}-signed.pdf", final, cancellationToken);

        db.ContractSignatures.Add(signature);
        db.ContractEvents.Add(countersigned);
        version.State = ContractVersionState.FullySigned;
        version.SignedAt = now;
        version.FinalFileId = stored.Id;
        version.FinalSha256 = finalSha;
        contract.Status = ContractStatus.FullySigned;
        await leads.RecordAsync(leadId, LeadActivityKind.ContractCountersigned,
            $"Contract \"{version.Title}\" (version {version.Number}) countersigned by {name}.", contract.Id, cancellationToken);
        audit.Record("contract.countersigned", nameof(Contract), contract.Id, $"version {version.Number}, final sha256 {finalSha}");
        await db.SaveChangesAsync(cancellationToken);
        _ = lead;
        return await ResponseAsync(contract, cancellationToken);
    }

    /// <summary>A version's PDF for the studio: the signed one once both signed, else the one sent. Its hash is checked first.</summary>
    public async Task<(byte[] Bytes, string Name)> PdfAsync(Guid leadId, Guid id, int number, CancellationToken cancellationToken)
    {
        await leads.RequireAsync(leadId, cancellationToken);
        var contract = await FindAsync(leadId, id, cancellationToken);
        return await VersionPdfAsync(contract, number, signedOnly: false, cancellationToken);
    }

    /// <summary>The contracts of a wedding: the couple see the signed versions, staff (lead:view) every version.</summary>
    public async Task<List<WeddingContractResponse>> OfWeddingAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var everything = current.Can(Permissions.LeadView);
        var rows = await (from contract in db.Contracts.AsNoTracking()
                          join version in db.ContractVersions.AsNoTracking() on contract.Id equals version.ContractId
                          where contract.WeddingId == weddingId && (everything || version.State == ContractVersionState.FullySigned)
                          orderby contract.CreatedAt, version.Number
                          select new WeddingContractResponse(contract.Id, version.Title, version.Number, version.State, version.SentAt, version.SignedAt,
                              version.DocumentSha256, version.FinalSha256)).ToListAsync(cancellationToken);
        return rows;
    }

    public async Task<(byte[] Bytes, string Name)> WeddingPdfAsync(Guid weddingId, Guid id, int number, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.WeddingId == weddingId, cancellationToken)
            ?? throw ApiException.NotFound("Contract");
        return await VersionPdfAsync(contract, number, signedOnly: !current.Can(Permissions.LeadView), cancellationToken);
    }

    private async Task<(byte[] Bytes, string Name)> VersionPdfAsync(Contract contract, int number, bool signedOnly, CancellationToken cancellationToken)
    {
        var version = await db.ContractVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ContractId == contract.Id && v.Number == number, cancellationToken)
            ?? throw ApiException.NotFound("Contract version");
        if (signedOnly && version.State != ContractVersionState.FullySigned)
        {
            throw ApiException.NotFound("Contract version");
        }
        return version is { FinalFileId: { } finalId, FinalSha256: { } finalSha }
            ? (await ReadCheckedAsync(version, finalId, finalSha, cancellationToken), $"{FileName(version.Title)}-v{version.Number}-signed.pdf")
            : (await ReadCheckedAsync(version, version.DocumentFileId, version.DocumentSha256, cancellationToken), $"{FileName(version.Title)}-v{version.Number}.pdf");
    }

    /// <summary>
    /// The stored PDF, after checking its SHA-256 against the one kept when it was made. A mismatch (the stored file was changed)
    /// is refused with a clear problem, logged and audited without any personal data.
    /// </summary>
    internal async Task<byte[]> ReadCheckedAsync(ContractVersion version, Guid fileId, string expectedSha256, CancellationToken cancellationToken)
    {
        var download = await files.OpenOwnedAsync(fileId, FileOwner, version.ContractId, cancellationToken);
        byte[] bytes;
        await using (var content = download.Content)
        {
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }
        if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != expectedSha256)
        {
            LogTampered(version.ContractId, version.Number, fileId);
            audit.Record("contract.document-mismatch", nameof(Contract), version.ContractId, $"version {version.Number}, file {fileId}: stored content does not match its SHA-256");
            await db.SaveChangesAsync(cancellationToken);
            throw new ApiException(StatusCodes.Status409Conflict, "Document altered",
                "This document does not match what was signed: the stored file has been changed since. It was not sent; tell the studio's admin.");
        }
        return bytes;
    }

    [LoggerMessage(LogLevel.Error, "Contract {ContractId} version {Number}: stored file {FileId} does not match its SHA-256; download refused")]
    private partial void LogTampered(Guid contractId, int number, Guid fileId);

    /// <summary>After the couple sign: a timeline line, and the lead's planner and the studio's admins told to countersign.</summary>
    internal async Task CoupleSignedAsync(ContractVersion version, string signerName, CancellationToken cancellationToken)
    {
        var lead = await leads.RequireAsync(version.LeadId, cancellationToken);
        await leads.RecordAsync(version.LeadId, LeadActivityKind.ContractSigned,
            $"Contract \"{version.Title}\" (version {version.Number}) signed by {signerName}; waiting for the studio's countersignature.", version.ContractId, cancellationToken);
        var people = await notices.InRolesAsync([Role.Admin], cancellationToken);
        if (lead.AssigneeId is { } assignee && !people.Contains(assignee))
        {
            people.Add(assignee);
        }
        await db.SaveChangesAsync(cancellationToken);
        await notices.TellAsync(people, "contract-signed", new Dictionary<string, string>
        {
            ["coupleNames"] = lead.Names, ["contractTitle"] = version.Title,
        }, null, $"{AppLinks.Home}leads/{version.LeadId}/contracts/{version.ContractId}", $"contract-signed:{version.Id:N}", cancellationToken);
    }

    private static void Apply(Contract contract, ContractRequest request, FieldErrors errors)
    {
        if (request.Title is not null)
        {
            if (string.IsNullOrWhiteSpace(request.Title))
            {
                errors.Add("title", "Give the contract a title.");
            }
            else
            {
                contract.Title = request.Title.Trim();
            }
        }
        if (request.Body is not null)
        {
            if (string.IsNullOrWhiteSpace(request.Body))
            {
                errors.Add("body", "Write the contract's text.");
            }
            ContractMarkup.Check(request.Body, "body", errors);
            contract.Body = request.Body.Trim();
        }
        var fee = request.FeePaise ?? 0;
        var given = request.PaymentPlan ?? [];
        if (given.Any(i => i is null || i.Kind is null || i.DueOn is null || i.AmountPaise is null || string.IsNullOrWhiteSpace(i.Label)))
        {
            errors.Add("paymentPlan", "Give each instalment a label, a kind, a due date and an amount.");
            errors.ThrowIfAny();
        }
        var plan = PaymentSchedules.Merge(contract.PaymentPlan, given, errors, "paymentPlan");
        if ((request.PaymentPlan?.Count ?? 0) > ContractLimits.MaxInstalments)
        {
            errors.Add("paymentPlan", $"A payment plan has at most {ContractLimits.MaxInstalments} instalments.");
        }
        else if (plan.Count > 0 && PaymentSchedules.Total(plan) != fee)
        {
            errors.Add("paymentPlan", $"The instalments add up to {IndianFormat.Rupees(PaymentSchedules.Total(plan))}, not the fee of {IndianFormat.Rupees(fee)}.");
        }
        errors.ThrowIfAny();
        contract.FeePaise = fee;
        contract.PaymentPlan = plan;
        if (request.CancellationTerms is not null)
        {
            contract.CancellationTerms = request.CancellationTerms.TrimmedOrNull();
        }
        contract.Venues = request.Venues.TrimmedOrNull() ?? contract.Venues;
    }

    private async Task<MergeValues> ValuesAsync(Contract contract, LeadContact lead, string studioName, CancellationToken cancellationToken) => new(
        lead.Names, lead.ContactName,
        lead.Dates.Count == 0 ? "to be agreed" : string.Join(", ", lead.Dates.Order().Select(IndianFormat.Date)),
        lead.Events.Count == 0 ? "to be agreed" : string.Join(", ", lead.Events),
        lead.City ?? "to be agreed", contract.Venues ?? "to be agreed", contract.FeePaise,
        [.. contract.PaymentPlan.Select(ToInstalment)], contract.CancellationTerms ?? ContractTemplatesSeeder.DefaultCancellationTerms, studioName,
        await studio.TodayAsync(cancellationToken));

    private async Task<Contract> FindAsync(Guid leadId, Guid id, CancellationToken cancellationToken) =>
        await db.Contracts.FirstOrDefaultAsync(c => c.Id == id && c.LeadId == leadId, cancellationToken) ?? throw ApiException.NotFound("Contract");

    internal async Task<List<ContractTrailLine>> TrailAsync(Guid versionId, CancellationToken cancellationToken) =>
        (await db.ContractEvents.AsNoTracking().Where(e => e.VersionId == versionId).ToListAsync(cancellationToken))
            .OrderBy(e => e.At).ThenBy(e => e.Id).Select(ToLine).ToList();

    private static ContractTrailLine ToLine(ContractEvent e) => new(e.At, e.What, e.Ip, e.UserAgent, e.Channel, e.Sha256);

    private async Task<ContractResponse> ResponseAsync(Contract c, CancellationToken cancellationToken)
    {
        var versions = await db.ContractVersions.AsNoTracking().Where(v => v.ContractId == c.Id).ToListAsync(cancellationToken);
        var ids = versions.Select(v => v.Id).ToList();
        var signatures = await db.ContractSignatures.AsNoTracking().Where(s => ids.Contains(s.VersionId)).ToListAsync(cancellationToken);
        var events = await db.ContractEvents.AsNoTracking().Where(e => ids.Contains(e.VersionId)).ToListAsync(cancellationToken);
        return new ContractResponse(c.Id, c.LeadId, c.WeddingId, c.TemplateId, c.Title, c.Body, c.FeePaise, [.. c.PaymentPlan.Select(ToInstalment)],
            c.CancellationTerms, c.Venues, c.Status,
            [.. versions.OrderBy(v => v.Number).Select(v => new ContractVersionResponse(v.Number, v.State, v.Title, v.Text, v.SentAt, v.DocumentSha256, v.FinalSha256,
                v.SignedAt,
                [.. signatures.Where(s => s.VersionId == v.Id).OrderBy(s => s.SignedAt).Select(s => new SignatureEvidence(s.Party, s.Name, s.ViewedAt, s.CodeSentAt,
                    s.CodeVerifiedAt, s.SignedAt, s.Ip, s.UserAgent, s.OtpChannel, s.MaskedDestination, s.DocumentSha256))],
                [.. events.Where(e => e.VersionId == v.Id).OrderBy(e => e.At).ThenBy(e => e.Id).Select(ToLine)]))],
            c.Version, c.UpdatedAt);
    }

    private static ContractInstalment ToInstalment(ScheduleItem i) => new(i.Id, i.Label, i.Kind, i.DueOn, i.AmountPaise);

    /// <summary>How the studio's signer proved who they were: signed in to the studio's account (the user id is kept with the signature).</summary>
    public const string StudioChannel = "app sign-in";

    internal static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    internal static string ChannelName(MessageChannel channel) => channel switch
    {
        MessageChannel.Sms => "SMS",
        MessageChannel.WhatsApp => "WhatsApp",
        _ => "e-mail",
    };

    private static string FileName(string title)
    {
        var name = new string([.. title.Select(ch => char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-')]).Trim('-');
        return name.Length == 0 ? "contract" : name.Length > 60 ? name[..60] : name;
    }
}

/// <summary>Where a request came from, kept as evidence of a signature: the client's IP and user agent.</summary>
public sealed record RequestOrigin(string? Ip, string? UserAgent)
{
    public static RequestOrigin Of(HttpContext http)
    {
        var agent = http.Request.Headers.UserAgent.ToString();
        return new(http.Connection.RemoteIpAddress?.ToString(), agent.Length == 0 ? null : agent.Length > 400 ? agent[..400] : agent);
    }
}
