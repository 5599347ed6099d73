using System.Text.Json;
using WedTech.Server.Identity;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Platform.Encryption;

namespace WedTech.Server.Vendors;

/// <summary>
/// Where the studio pays a vendor. The account number and UPI id are sealed with the studio's bank-details key (the vendor's
/// id as associated data) and only their masked forms are ever shown. Setting them on a vendor without any needs
/// financial:create; changing or removing them financial:edit: a changed account is how payment fraud starts, so each
/// change is in the vendor's audit trail and told to every admin of the studio at once.
/// </summary>
public sealed class BankDetails(StudioKeys keys, CurrentUser currentUser, UserNotices notices)
{
    internal const string Purpose = "vendor-bank";

    private sealed record Secret(string? AccountNumber, string? UpiId);

    /// <summary>Applies the request's bank details to the vendor; whether they changed (the caller announces it after saving).</summary>
    public async Task<bool> ApplyAsync(Vendor vendor, VendorBankDetails? request, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return false;
        }
        var accountName = request.AccountName.TrimmedOrNull();
        var number = request.AccountNumber is null ? null : IndianTaxIds.Normalize(request.AccountNumber).TrimmedOrNull();
        var ifsc = request.Ifsc is null ? null : IndianTaxIds.Normalize(request.Ifsc).TrimmedOrNull();
        var upi = request.UpiId.TrimmedOrNull()?.ToLowerInvariant();
        var removing = accountName is null && number is null && ifsc is null && upi is null;
        if (!removing)
        {
            Check(number, ifsc, accountName, upi, errors);
        }
        if (errors.Any)
        {
            return false;
        }
        var current = vendor.Bank is null ? null : await OpenAsync(vendor, cancellationToken);
        if (removing ? current is null : current == new Secret(number, upi) && vendor.BankAccountName == accountName && vendor.BankIfsc == ifsc)
        {
            return false;
        }
        var permission = current is null ? Permissions.FinancialCreate : Permissions.FinancialEdit;
        if (!currentUser.Can(permission))
        {
            throw ApiException.Forbidden(current is null
                ? "Your role may not give a vendor's bank details. Ask an admin."
                : "Only an admin may change where a vendor is paid. Ask an admin, and confirm the new account with the vendor first.");
        }
        if (removing)
        {
            (vendor.Bank, vendor.BankAccountName, vendor.BankIfsc, vendor.BankAccountMasked, vendor.BankUpiMasked) = (null, null, null, null, null);
        }
        else
        {
            vendor.Bank = await keys.SealAsync(Purpose, JsonSerializer.SerializeToUtf8Bytes(new Secret(number, upi)), vendor.Id.ToString(), cancellationToken);
            (vendor.BankAccountName, vendor.BankIfsc) = (accountName, ifsc);
            vendor.BankAccountMasked = number is null ? null : "••••" + number[^4..];
            vendor.BankUpiMasked = upi is null ? null : MaskUpi(upi);
        }
        vendor.BankChangedAt = DateTimeOffset.UtcNow;
        return true;
    }

    public static MaskedBankDetails? Masked(Vendor vendor) => vendor.BankChangedAt is { } changed && (vendor.BankAccountMasked ?? vendor.BankUpiMasked) is not null
        ? new MaskedBankDetails(vendor.BankAccountName, vendor.BankAccountMasked, vendor.BankIfsc, vendor.BankUpiMasked, changed)
        : null;

    /// <summary>Tells every admin of the studio where the vendor is paid now (masked), and who changed it.</summary>
    public async Task AnnounceAsync(Vendor vendor, CancellationToken cancellationToken)
    {
        var admins = await notices.InRolesAsync([Role.Admin], cancellationToken);
        var details = Masked(vendor) is { } masked
            ? string.Join(", ", new[] { masked.Account is null ? null : $"account {masked.Account} ({masked.Ifsc})", masked.UpiId is null ? null : $"UPI {masked.UpiId}" }.OfType<string>())
            : "they were removed";
        var by = currentUser.User is { } user ? $"{user.Name} ({user.Email})" : "Someone";
        await notices.TellAsync(admins, "vendor-bank-changed", new Dictionary<string, string>
        {
            ["vendorName"] = vendor.Name, ["changedBy"] = by, ["details"] = details,
        }, null, AppLinks.Vendor(vendor.Id), $"vendor-bank:{vendor.Id:N}:{vendor.BankChangedAt!.Value.ToUnixTimeMilliseconds()}", cancellationToken);
    }

    private async Task<Secret> OpenAsync(Vendor vendor, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<Secret>(await keys.OpenAsync(Purpose, vendor.Bank!, vendor.Id.ToString(), cancellationToken))!;

    private static void Check(string? number, string? ifsc, string? accountName, string? upi, FieldErrors errors)
    {
        if (number is null && upi is null)
        {
            errors.Add("bank", "Give the account number and IFSC, or a UPI id, or leave every field of the bank details empty to remove them.");
            return;
        }
        if (number is not null)
        {
            if (IndianTaxIds.CheckAccountNumber(number) is { } wrongNumber)
            {
                errors.Add("bank.accountNumber", wrongNumber);
            }
            if (ifsc is null)
            {
                errors.Add("bank.ifsc", "Give the branch's IFSC with the account number.");
            }
            if (accountName is null)
            {
                errors.Add("bank.accountName", "Give the name the account is in.");
            }
        }
        if (ifsc is not null && IndianTaxIds.CheckIfsc(ifsc) is { } wrongIfsc)
        {
            errors.Add("bank.ifsc", wrongIfsc);
        }
        if (upi is not null && IndianTaxIds.CheckUpiId(upi) is { } wrongUpi)
        {
            errors.Add("bank.upiId", wrongUpi);
        }
    }

    private static string MaskUpi(string upi)
    {
        var at = upi.IndexOf('@', StringComparison.Ordinal);
        return upi[..Math.Min(2, at)] + "•••" + upi[at..];
    }
}
