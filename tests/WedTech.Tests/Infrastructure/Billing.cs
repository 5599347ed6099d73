using System.Net;
using System.Security.Cryptography;
using System.Text;
using WedTech.Contracts;

namespace WedTech.Tests.Infrastructure;

/// <summary>A studio made ready to bill: its GSTIN, its billing address and state, and (optionally) its Razorpay account at the stand-in.</summary>
public static class Billing
{
    /// <summary>A GSTIN of a state with a valid check character: state + PAN + entity 1 + Z + the GSTN's check.</summary>
    public static string Gstin(string stateCode, string pan = "AAACR5055K")
    {
        var first14 = $"{stateCode}{pan}1Z";
        return first14 + IndianTaxIds.CheckCharacter(first14);
    }

    /// <summary>The studio's GSTIN (Rajasthan's by default), billing details, and the Razorpay account when one is given.</summary>
    public static async Task<BillingSettingsResponse> ReadyAsync(HttpClient admin, string stateCode = "08", RazorpayStandInAccount? razorpay = null)
    {
        (await admin.PutJsonAsync("/api/v1/settings", new UpdateTenantSettingsRequest("Shubh Vivah Planners", "Asia/Kolkata", Gstin(stateCode)), "*")).EnsureSuccessStatusCode();
        return await (await admin.PutJsonAsync("/api/v1/billing/settings", new BillingSettingsRequest(
            "Shubh Vivah Planners LLP", "12 MI Road", "Jaipur", stateCode, "302001", null, null, null, null, null, "HDFC Bank · A/c 50200012345678 · IFSC HDFC0001234",
            "Payment within 15 days.", razorpay?.KeyId, razorpay?.KeySecret, razorpay?.WebhookSecret), "*")).ReadAsync<BillingSettingsResponse>();
    }

    /// <summary>What Razorpay's callback adds to the return address, signed with the key secret as Razorpay signs it.</summary>
    public static OnlinePaymentReturn SignedReturn(string linkId, string referenceId, string paymentId, string keySecret, string status = "paid") =>
        new(linkId, referenceId, status, paymentId, Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(keySecret), Encoding.UTF8.GetBytes($"{linkId}|{referenceId}|{status}|{paymentId}"))));

    public static InvoiceRequest Invoice(string recipient = "Meera Sharma", string? gstin = null, string? state = "08", string country = "IN", Guid? eventId = null,
        InvoiceKind kind = InvoiceKind.TaxInvoice, Guid? creditNoteFor = null, params InvoiceLineRequest[] lines) =>
        new(kind, new InvoiceRecipient(recipient, "4 Civil Lines", "Jaipur", state, country, gstin),
            lines.Length > 0 ? lines : [new InvoiceLineRequest("Wedding planning fee", null, 1, 1_00_000_00, 1800)], eventId, creditNoteFor, null, null, null);

    public static async Task<InvoiceResponse> IssueAsync(HttpClient client, Guid weddingId, InvoiceResponse draft) =>
        await (await client.PostJsonAsync<object?>($"/api/v1/weddings/{weddingId}/invoices/{draft.Id}/issue", null, $"\"{draft.Version}\"")).ReadAsync<InvoiceResponse>();

    public static async Task<InvoiceResponse> DraftAsync(HttpClient client, Guid weddingId, InvoiceRequest request) =>
        await (await client.PostJsonAsync($"/api/v1/weddings/{weddingId}/invoices", request)).ReadAsync<InvoiceResponse>(HttpStatusCode.Created);
}
