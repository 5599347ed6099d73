using System.Security.Cryptography;
using WedTech.Server.Leads;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Tenancy.Settings;

namespace WedTech.Server.Agreements;

/// <summary>Where a signing link stands for the couple who open it.</summary>
public enum SigningLinkState { Open, AlreadySigned, Superseded }

/// <summary>What the signing page shows: the version, the studio and where a code can be sent (masked).</summary>
public sealed record SigningView(ContractVersion Version, string Token, string StudioName, string CoupleNames, SigningLinkState State,
    string? MaskedPhone, string? MaskedEmail, DateTimeOffset? CoupleSignedAt);

/// <summary>
/// The couple's side of signing, from the link (no account): open it (the first view is recorded), ask for a one-time code by
/// SMS, WhatsApp or e-mail (6 digits, only its HMAC kept, 10 minutes, 5 wrong tries and it is dead, a few codes an hour), then
/// sign with the code, their full name, a drawn signature and consent to sign electronically.
/// </summary>
public sealed class ContractSigning(
    TenantDbContext db, ContractLinks links, ILeadDirectory leads, OutboxService outbox, IStudioSettings studio, ContractService contracts,
    TimeProvider time)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    public const int MaxWrongTries = 5;
    public const int MaxCodesPerHour = 5;

    public const string CodeField = "code";
    public const string NameField = "name";
    public const string SignatureField = "signature";
    public const string ConsentField = "consent";
    public const string ChannelField = "channel";

    /// <summary>The version the link is for, or null when it is no link of this studio's (forged, mistyped).</summary>
    public async Task<SigningView?> OpenAsync(string token, RequestOrigin origin, CancellationToken cancellationToken)
    {
        if (!ContractLinks.LooksLikeToken(token))
        {
            return null;
        }
        var hash = ContractLinks.Hash(token);
        var version = await db.ContractVersions.FirstOrDefaultAsync(v => v.TokenHash == hash, cancellationToken);
        if (version is null)
        {
            return null;
        }
        var lead = await leads.FindAsync(version.LeadId, cancellationToken);
        var state = version.State switch
        {
            ContractVersionState.AwaitingCouple => SigningLinkState.Open,
            ContractVersionState.Superseded => SigningLinkState.Superseded,
            _ => SigningLinkState.AlreadySigned,
        };
        if (state == SigningLinkState.Open && version.ViewedAt is null)
        {
            version.ViewedAt = time.GetUtcNow();
            db.ContractEvents.Add(new ContractEvent
            {
                VersionId = version.Id, At = version.ViewedAt.Value, What = "Opened by the couple", Ip = origin.Ip, UserAgent = origin.UserAgent, Sha256 = version.DocumentSha256,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        var signedAt = state == SigningLinkState.AlreadySigned
            ? await db.ContractSignatures.Where(s => s.VersionId == version.Id && s.Party == SignatureParty.Couple).Select(s => (DateTimeOffset?)s.SignedAt).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new SigningView(version, token, await studio.CompanyNameAsync(cancellationToken), lead?.Names ?? "", state,
            lead?.Phone is { } phone ? MaskPhone(phone) : null, lead?.Email is { } email ? MaskEmail(email) : null, signedAt);
    }

    /// <summary>Sends a new code on the channel the couple chose; the previous code stops working. Null when sent, else why not.</summary>
    public async Task<string?> AskCodeAsync(SigningView view, string? channelName, RequestOrigin origin, CancellationToken cancellationToken)
    {
        if (view.State != SigningLinkState.Open)
        {
            return "This contract can no longer be signed from this link.";
        }
        var channel = channelName switch
        {
            "sms" => MessageChannel.Sms,
            "whatsapp" => MessageChannel.WhatsApp,
            "email" => MessageChannel.Email,
            _ => (MessageChannel?)null,
        };
        var lead = await leads.FindAsync(view.Version.LeadId, cancellationToken);
        var destination = channel switch
        {
            MessageChannel.Email => lead?.Email,
            MessageChannel.Sms or MessageChannel.WhatsApp => lead?.Phone,
            _ => null,
        };
        if (channel is null || destination is null)
        {
            return "Choose where to send the code.";
        }
        var version = view.Version;
        var now = time.GetUtcNow();
        if (version.CodesWindowStart is not { } start || now - start >= TimeSpan.FromHours(1))
        {
            version.CodesWindowStart = now;
            version.CodesAsked = 0;
        }
        if (version.CodesAsked >= MaxCodesPerHour)
        {
            return $"You have asked for {MaxCodesPerHour} codes in the last hour. Wait a while, then ask again, or call {view.StudioName}.";
        }
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        version.CodesAsked++;
        version.CodeHash = links.CodeHash(version.Id, code);
        version.CodeChannel = channel;
        version.CodeDestination = channel == MessageChannel.Email ? MaskEmail(destination) : MaskPhone(destination);
        version.CodeSentAt = now;
        version.CodeExpiresAt = now + CodeLifetime;
        version.CodeWrongTries = 0;
        db.ContractEvents.Add(new ContractEvent
        {
            VersionId = version.Id, At = now, What = "One-time code sent", Ip = origin.Ip, UserAgent = origin.UserAgent,
            Channel = $"{ContractService.ChannelName(channel.Value)} to {version.CodeDestination}", Sha256 = version.DocumentSha256,
        });
        try
        {
            // Saves the code with the message: a code nobody was sent never works.
            await outbox.QueueAsync(new SendMessageRequest(channel.Value, destination, null, "contract-code", "en", new Dictionary<string, string>
            {
                ["code"] = code, ["contractTitle"] = version.Title,
            }, null), $"contract-code:{version.Id:N}:{now.ToUnixTimeMilliseconds()}", cancellationToken);
        }
        catch (ApiException refused)
        {
            db.ChangeTracker.Clear();
            return refused.Status == StatusCodes.Status429TooManyRequests
                ? $"{view.StudioName} cannot send more messages on this channel today. Choose another, or try again tomorrow."
                : "The code could not be sent there. Choose another way, or call the studio.";
        }
        return null;
    }

    /// <summary>Signs the version for the couple; the field errors when it was not signed (nothing is signed then).</summary>
    public async Task<Dictionary<string, string>> SignAsync(SigningView view, string? code, string? name, string? signature, bool consent, RequestOrigin origin,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var fields = new FieldErrors();
        var typedName = name?.Trim() ?? "";
        if (typedName.Length < 2 || typedName.Length > ContractLimits.MaxName)
        {
            errors[NameField] = "Type your full name, as you sign.";
        }
        var png = SignatureImage.Read(signature, SignatureField, fields);
        if (png is null)
        {
            try
            {
                fields.ThrowIfAny();
            }
            catch (ValidationFailedException refused)
            {
                errors[SignatureField] = refused.Errors[SignatureField][0];
            }
        }
        if (!consent)
        {
            errors[ConsentField] = "Tick the box to agree to sign electronically.";
        }
        var typedCode = new string([.. (code ?? "").Where(char.IsAsciiDigit)]);
        if (typedCode.Length != 6)
        {
            errors[CodeField] = "Type the 6-digit code we sent you.";
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var version = view.Version;
        var now = time.GetUtcNow();
        if (version.CodeHash is null)
        {
            errors[CodeField] = version.CodeWrongTries >= MaxWrongTries
                ? "That code no longer works after five wrong tries. Ask for a new code."
                : "Ask for a code first: we send it to your phone or e-mail.";
            return errors;
        }
        if (version.CodeExpiresAt <= now)
        {
            errors[CodeField] = "This code has expired (codes work for 10 minutes). Ask for a new code.";
            return errors;
        }
        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(links.CodeHash(version.Id, typedCode)),
                System.Text.Encoding.ASCII.GetBytes(version.CodeHash)))
        {
            version.CodeWrongTries++;
            var dead = version.CodeWrongTries >= MaxWrongTries;
            if (dead)
            {
                version.CodeHash = null;
            }
            db.ContractEvents.Add(new ContractEvent
            {
                VersionId = version.Id, At = now, What = dead ? "Wrong code, fifth time: the code no longer works" : "Wrong code", Ip = origin.Ip, UserAgent = origin.UserAgent,
            });
            await db.SaveChangesAsync(cancellationToken);
            errors[CodeField] = dead
                ? "That code was wrong five times, so it no longer works. Ask for a new code."
                : $"That code is not right. {MaxWrongTries - version.CodeWrongTries} tries left.";
            return errors;
        }

        var channel = $"{ContractService.ChannelName(version.CodeChannel ?? MessageChannel.Email)} to {version.CodeDestination}";
        db.ContractEvents.Add(new ContractEvent
        {
            VersionId = version.Id, At = now, What = "One-time code verified", Ip = origin.Ip, UserAgent = origin.UserAgent, Channel = channel, Sha256 = version.DocumentSha256,
        });
        db.ContractEvents.Add(new ContractEvent
        {
            VersionId = version.Id, At = now.AddTicks(1), What = $"Signed by the couple as {typedName}, consenting to sign electronically", Ip = origin.Ip,
            UserAgent = origin.UserAgent, Channel = channel, Sha256 = version.DocumentSha256,
        });
        db.ContractSignatures.Add(new ContractSignature
        {
            VersionId = version.Id, Party = SignatureParty.Couple, Name = typedName, Png = png!, ViewedAt = version.ViewedAt, CodeSentAt = version.CodeSentAt,
            CodeVerifiedAt = now, SignedAt = now, Ip = origin.Ip, UserAgent = origin.UserAgent,
            OtpChannel = ContractService.ChannelName(version.CodeChannel ?? MessageChannel.Email), MaskedDestination = version.CodeDestination,
            DocumentSha256 = version.DocumentSha256,
        });
        version.State = ContractVersionState.AwaitingStudio;
        version.CodeHash = null;
        var contract = await db.Contracts.FirstAsync(c => c.Id == version.ContractId, cancellationToken);
        contract.Status = ContractStatus.AwaitingStudio;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Signed twice at once from two tabs: the other one signed it.
            db.ChangeTracker.Clear();
            errors[CodeField] = "This contract is already signed.";
            return errors;
        }
        await contracts.CoupleSignedAsync(version, typedName, cancellationToken);
        return errors;
    }

    /// <summary>The PDF for the couple: the signed one once both signed, else the one sent; its hash checked.</summary>
    public async Task<(byte[] Bytes, string Name)?> PdfAsync(string token, CancellationToken cancellationToken)
    {
        if (!ContractLinks.LooksLikeToken(token))
        {
            return null;
        }
        var hash = ContractLinks.Hash(token);
        var version = await db.ContractVersions.AsNoTracking().FirstOrDefaultAsync(v => v.TokenHash == hash, cancellationToken);
        if (version is null || version.State == ContractVersionState.Superseded)
        {
            return null;
        }
        return version is { FinalFileId: { } finalId, FinalSha256: { } finalSha }
            ? (await contracts.ReadCheckedAsync(version, finalId, finalSha, cancellationToken), $"contract-v{version.Number}-signed.pdf")
            : (await contracts.ReadCheckedAsync(version, version.DocumentFileId, version.DocumentSha256, cancellationToken), $"contract-v{version.Number}.pdf");
    }

    /// <summary>"+91 ••••••3210": enough for the couple to know which phone, nothing for anyone else.</summary>
    public static string MaskPhone(string phone) => phone.Length <= 4 ? "••••" : $"{(phone.StartsWith("+91", StringComparison.Ordinal) ? "+91 " : "")}••••••{phone[^4..]}";

    /// <summary>"a•••@example.com".</summary>
    public static string MaskEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "•••" : $"{email[0]}•••{email[at..]}";
    }
}
