using System.Text.Json;
using WedTech.Server.Platform.Encryption;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Settings;

namespace WedTech.Server.Invoicing;

/// <summary>What the studio's documents carry about the studio, as other modules read it.</summary>
public sealed record StudioBilling(
    string LegalName, string? Gstin, string? Address, string? City, string? StateCode, string? Pincode, string DefaultSac,
    string InvoicePrefix, string EstimatePrefix, string CreditNotePrefix, Guid? LogoFileId, string? BankDetails, string? Terms);

/// <summary>The studio's Razorpay account: its API key, and the secret its webhooks are signed with.</summary>
public sealed record RazorpayKeys(string KeyId, string KeySecret, string WebhookSecret);

/// <summary>The studio's billing settings as other modules read them.</summary>
public interface IBillingSettings
{
    Task<StudioBilling> StudioAsync(CancellationToken cancellationToken);

    /// <summary>The studio's Razorpay keys; null until it has given its key id, key secret and webhook secret.</summary>
    Task<RazorpayKeys?> RazorpayAsync(CancellationToken cancellationToken);

    /// <summary>Whether the studio takes payments online (its Razorpay keys are all given), without opening them.</summary>
    Task<bool> TakesOnlinePaymentsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The studio's billing settings: its legal name, address and state (which must be its GSTIN's), the SAC its lines default
/// to, the prefixes of its series, its logo, and its Razorpay account. The Razorpay secrets are sealed with the studio's key
/// and never shown again.
/// </summary>
public sealed class BillingSettingsService(
    TenantDbContext db, IStudioSettings studio, StudioKeys keys, TenantContext tenant, StudioAddresses addresses) : IBillingSettings
{
    internal const string Purpose = "razorpay";

    private sealed record Secrets(string? KeySecret, string? WebhookSecret);

    public async Task<BillingSettingsResponse> GetAsync(CancellationToken cancellationToken) =>
        ToResponse(await LoadAsync(cancellationToken), await studio.GstinAsync(cancellationToken), await studio.CompanyNameAsync(cancellationToken));

    public async Task<BillingSettingsResponse> SaveAsync(BillingSettingsRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        var settings = await db.BillingSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            if (expectedVersion is not (0 or long.MinValue))
            {
                throw ApiException.Conflict("Someone changed the billing settings since you loaded them. Look at them again and retry.");
            }
            settings = new BillingSettings();
            db.BillingSettings.Add(settings);
        }
        else
        {
            Concurrency.Expect(settings, expectedVersion, "billing settings");
        }
        var gstin = await studio.GstinAsync(cancellationToken);
        var errors = new FieldErrors();
        var state = request.StateCode.TrimmedOrNull();
        if (state is not null && !IndianStates.ByCode.ContainsKey(state))
        {
            errors.Add("stateCode", "Choose a state from the list (its two-digit GST code).");
        }
        else if (gstin is not null && state is not null && gstin[..2] != state)
        {
            errors.Add("stateCode", $"Your GSTIN is registered in {IndianStates.ByCode.GetValueOrDefault(gstin[..2], gstin[..2])}: the billing address must be in that state.");
        }
        var pincode = request.Pincode.TrimmedOrNull();
        if (pincode is not null && (pincode.Length != 6 || !pincode.All(char.IsAsciiDigit) || pincode[0] == '0'))
        {
            errors.Add("pincode", "A PIN code is six digits and does not start with 0.");
        }
        var sac = request.DefaultSac.TrimmedOrNull() ?? InvoiceLimits.EventManagementSac;
        if (InvoiceService.SacProblem(sac) is { } wrongSac)
        {
            errors.Add("defaultSac", wrongSac);
        }
        var prefixes = new[] { ("invoicePrefix", request.InvoicePrefix, "INV"), ("estimatePrefix", request.EstimatePrefix, "EST"), ("creditNotePrefix", request.CreditNotePrefix, "CN") }
            .Select(p => (p.Item1, Value: p.Item2.TrimmedOrNull()?.ToUpperInvariant() ?? p.Item3)).ToList();
        foreach (var (field, value) in prefixes.Where(p => p.Value.Length is 0 or > InvoiceLimits.MaxPrefix || !p.Value.All(char.IsAsciiLetterOrDigit)))
        {
            errors.Add(field, $"Use 1 to {InvoiceLimits.MaxPrefix} letters or digits, so that the number fits GST's 16 characters.");
        }
        if (prefixes.Select(p => p.Value).Distinct().Count() < prefixes.Count)
        {
            errors.Add("creditNotePrefix", "Give each series its own prefix: invoices, estimates and credit notes are numbered apart.");
        }
        var keyId = request.RazorpayKeyId.TrimmedOrNull();
        if (keyId is not null && !(keyId.StartsWith("rzp_test_", StringComparison.Ordinal) || keyId.StartsWith("rzp_live_", StringComparison.Ordinal)))
        {
            errors.Add("razorpayKeyId", "A Razorpay key id starts with rzp_live_ (or rzp_test_ while you try it out): copy it from Razorpay's dashboard, API keys.");
        }
        errors.ThrowIfAny();

        settings.LegalName = request.LegalName.Trim();
        settings.Address = request.Address.TrimmedOrNull();
        settings.City = request.City.TrimmedOrNull();
        settings.StateCode = state;
        settings.Pincode = pincode;
        settings.DefaultSac = sac;
        (settings.InvoicePrefix, settings.EstimatePrefix, settings.CreditNotePrefix) = (prefixes[0].Value, prefixes[1].Value, prefixes[2].Value);
        settings.LogoFileId = request.LogoFileId;
        settings.BankDetails = request.BankDetails.TrimmedOrNull();
        settings.Terms = request.Terms.TrimmedOrNull();
        var secrets = settings.RazorpaySecrets is null ? new Secrets(null, null) : await OpenAsync(settings.RazorpaySecrets, cancellationToken);
        var changed = secrets with
        {
            KeySecret = request.RazorpayKeySecret is null ? secrets.KeySecret : request.RazorpayKeySecret.TrimmedOrNull(),
            WebhookSecret = request.RazorpayWebhookSecret is null ? secrets.WebhookSecret : request.RazorpayWebhookSecret.TrimmedOrNull(),
        };
        if (changed != secrets || settings.RazorpayKeyId != keyId)
        {
            settings.RazorpayKeyId = keyId;
            settings.RazorpaySecrets = changed is { KeySecret: null, WebhookSecret: null }
                ? null
                : await keys.SealAsync(Purpose, JsonSerializer.SerializeToUtf8Bytes(changed), "billing-settings", cancellationToken);
            settings.RazorpayReady = keyId is not null && changed is { KeySecret: not null, WebhookSecret: not null };
        }
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(settings, gstin, await studio.CompanyNameAsync(cancellationToken));
    }

    public async Task<StudioBilling> StudioAsync(CancellationToken cancellationToken)
    {
        var s = await LoadAsync(cancellationToken);
        return new StudioBilling(
            s.LegalName ?? await studio.CompanyNameAsync(cancellationToken), await studio.GstinAsync(cancellationToken), s.Address, s.City, s.StateCode, s.Pincode,
            s.DefaultSac, s.InvoicePrefix, s.EstimatePrefix, s.CreditNotePrefix, s.LogoFileId, s.BankDetails, s.Terms);
    }

    public async Task<RazorpayKeys?> RazorpayAsync(CancellationToken cancellationToken)
    {
        var s = await LoadAsync(cancellationToken);
        if (!s.RazorpayReady || s.RazorpaySecrets is null || s.RazorpayKeyId is null)
        {
            return null;
        }
        var secrets = await OpenAsync(s.RazorpaySecrets, cancellationToken);
        return new RazorpayKeys(s.RazorpayKeyId, secrets.KeySecret!, secrets.WebhookSecret!);
    }

    public async Task<bool> TakesOnlinePaymentsAsync(CancellationToken cancellationToken) => (await LoadAsync(cancellationToken)).RazorpayReady;

    /// <summary>Where Razorpay's dashboard is to send this studio's webhooks.</summary>
    public string WebhookUrl() => $"{addresses.For(tenant.Current.Slug)}/api/v1/webhooks/razorpay";

    private async Task<BillingSettings> LoadAsync(CancellationToken cancellationToken) =>
        await db.BillingSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new BillingSettings { Version = 0 };

    private async Task<Secrets> OpenAsync(byte[] sealedSecrets, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<Secrets>(await keys.OpenAsync(Purpose, sealedSecrets, "billing-settings", cancellationToken))!;

    private BillingSettingsResponse ToResponse(BillingSettings s, string? gstin, string companyName) => new(
        s.LegalName ?? companyName, gstin, s.Address, s.City, s.StateCode, s.StateCode is null ? null : IndianStates.ByCode.GetValueOrDefault(s.StateCode), s.Pincode,
        s.DefaultSac, s.InvoicePrefix, s.EstimatePrefix, s.CreditNotePrefix, s.LogoFileId, s.BankDetails, s.Terms, s.RazorpayKeyId, s.RazorpayReady, WebhookUrl(), s.Version);
}
