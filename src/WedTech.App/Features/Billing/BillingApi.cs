namespace WedTech.App.Features.Billing;

/// <summary>
/// The Billing module's API: the studio's billing settings, a wedding's invoices, estimates and credit notes, the couple's
/// payment plan and their payments (recorded by staff or made through Razorpay), the couple's own billing in their portal,
/// and the studio's books with the accountant's downloads.
/// </summary>
public sealed class BillingApi(ApiClient api)
{
    public static class Routes
    {
        public const string Settings = "/api/v1/billing/settings";

        public static string Invoices(Guid weddingId) => $"/api/v1/weddings/{weddingId}/invoices";

        public static string Invoice(Guid weddingId, Guid id) => $"{Invoices(weddingId)}/{id}";

        public static string Issue(Guid weddingId, Guid id) => $"{Invoice(weddingId, id)}/issue";

        public static string Cancel(Guid weddingId, Guid id) => $"{Invoice(weddingId, id)}/cancel";

        /// <summary>The document as a PDF; a plain link opens it with the browser's session.</summary>
        public static string InvoicePdf(Guid weddingId, Guid id) => $"{Invoice(weddingId, id)}/pdf";

        public static string Plan(Guid weddingId) => $"/api/v1/weddings/{weddingId}/payment-plan";

        public static string PayLink(Guid weddingId, Guid instalmentId) => $"{Plan(weddingId)}/instalments/{instalmentId}/pay-link";

        public static string Payments(Guid weddingId) => $"/api/v1/weddings/{weddingId}/payments";

        public static string Refunds(Guid weddingId, Guid paymentId) => $"{Payments(weddingId)}/{paymentId}/refunds";

        /// <summary>The payment's receipt as a PDF; a plain link opens it with the browser's session.</summary>
        public static string Receipt(Guid weddingId, Guid paymentId) => $"{Payments(weddingId)}/{paymentId}/receipt";

        /// <summary>The couple's billing in their portal.</summary>
        public static string Overview(Guid weddingId) => $"/api/v1/weddings/{weddingId}/billing";

        public static string OwnInvoicePdf(Guid weddingId, Guid id) => $"{Overview(weddingId)}/invoices/{id}/pdf";

        public static string OwnReceipt(Guid weddingId, Guid paymentId) => $"{Overview(weddingId)}/receipts/{paymentId}/pdf";

        public static string Pay(Guid weddingId, Guid instalmentId) => $"{Overview(weddingId)}/instalments/{instalmentId}/pay";

        /// <summary>Where the app hands over what Razorpay sent the couple's browser back with.</summary>
        public static string Return(Guid weddingId) => $"{Overview(weddingId)}/return";

        public static string ProfitAndLoss(DateOnly from, DateOnly to) => Period("/api/v1/books/profit-and-loss", from, to);

        public const string Receivables = "/api/v1/books/receivables";

        /// <summary>The GSTR-1 workbook (xlsx) of the period, for the accountant; a plain link downloads it.</summary>
        public static string Gstr1(DateOnly from, DateOnly to) => Period("/api/v1/books/gstr1", from, to);

        /// <summary>The period's vouchers as Tally XML.</summary>
        public static string Tally(DateOnly from, DateOnly to) => Period("/api/v1/books/tally", from, to);

        /// <summary>The period's invoices as Zoho Books' import CSV.</summary>
        public static string ZohoInvoices(DateOnly from, DateOnly to) => Period("/api/v1/books/zoho-books/invoices", from, to);

        /// <summary>The period's credit notes as Zoho Books' import CSV.</summary>
        public static string ZohoCreditNotes(DateOnly from, DateOnly to) => Period("/api/v1/books/zoho-books/credit-notes", from, to);

        private static string Period(string path, DateOnly from, DateOnly to) => Query.Build(path, ("from", Query.Date(from)), ("to", Query.Date(to)));
    }

    public Task<Loaded<BillingSettingsResponse>> SettingsAsync() => api.GetWithOfflineCopyAsync<BillingSettingsResponse>(Routes.Settings);

    public Task<Loaded<BillingSettingsResponse>> SaveSettingsAsync(BillingSettingsRequest request, string? ifMatch) =>
        api.PutAsync<BillingSettingsRequest, BillingSettingsResponse>(Routes.Settings, request, ifMatch);

    public Task<Loaded<InvoiceListResponse>> InvoicesAsync(Guid weddingId) => api.GetWithOfflineCopyAsync<InvoiceListResponse>(Routes.Invoices(weddingId));

    public Task<Loaded<InvoiceResponse>> InvoiceAsync(Guid weddingId, Guid id) =>
        api.GetWithOfflineCopyAsync<InvoiceResponse>(Routes.Invoice(weddingId, id), keepCopy: false);

    public Task<Loaded<InvoiceResponse>> DraftAsync(Guid weddingId, InvoiceRequest request) =>
        api.PostAsync<InvoiceRequest, InvoiceResponse>(Routes.Invoices(weddingId), request);

    public Task<Loaded<InvoiceResponse>> UpdateDraftAsync(Guid weddingId, Guid id, InvoiceRequest request, string? ifMatch) =>
        api.PutAsync<InvoiceRequest, InvoiceResponse>(Routes.Invoice(weddingId, id), request, ifMatch);

    public Task DeleteDraftAsync(Guid weddingId, Guid id, string? ifMatch) => api.DeleteAsync(Routes.Invoice(weddingId, id), ifMatch);

    /// <summary>Issues a draft: it gets its number and never changes again.</summary>
    public async Task<InvoiceResponse> IssueAsync(Guid weddingId, Guid id, string? ifMatch) =>
        (await api.PostAsync<object?, InvoiceResponse>(Routes.Issue(weddingId, id), null, ifMatch)).Value!;

    public async Task<InvoiceResponse> CancelAsync(Guid weddingId, Guid id, CancelInvoiceRequest request) =>
        (await api.PostAsync<CancelInvoiceRequest, InvoiceResponse>(Routes.Cancel(weddingId, id), request)).Value!;

    public Task<Loaded<PaymentPlanResponse>> PlanAsync(Guid weddingId) => api.GetWithOfflineCopyAsync<PaymentPlanResponse>(Routes.Plan(weddingId));

    /// <summary>Saves the plan; a plan never saved (version 0) is sent with If-Match "0".</summary>
    public Task<Loaded<PaymentPlanResponse>> SavePlanAsync(Guid weddingId, PaymentPlanRequest request, string? ifMatch) =>
        api.PutAsync<PaymentPlanRequest, PaymentPlanResponse>(Routes.Plan(weddingId), request, ifMatch);

    /// <summary>A Razorpay link for the instalment that the planner sends the couple.</summary>
    public async Task<PayLinkResponse> PayLinkAsync(Guid weddingId, Guid instalmentId) =>
        (await api.PostAsync<object?, PayLinkResponse>(Routes.PayLink(weddingId, instalmentId), null)).Value!;

    public Task<Loaded<ClientPaymentListResponse>> PaymentsAsync(Guid weddingId) => api.GetWithOfflineCopyAsync<ClientPaymentListResponse>(Routes.Payments(weddingId));

    public async Task<ClientPaymentResponse> RecordPaymentAsync(Guid weddingId, ClientPaymentRequest request) =>
        (await api.PostAsync<ClientPaymentRequest, ClientPaymentResponse>(Routes.Payments(weddingId), request)).Value!;

    public async Task<ClientPaymentResponse> RefundAsync(Guid weddingId, Guid paymentId, RefundRequest request) =>
        (await api.PostAsync<RefundRequest, ClientPaymentResponse>(Routes.Refunds(weddingId, paymentId), request)).Value!;

    /// <summary>The couple's own invoices, receipts and plan.</summary>
    public Task<Loaded<BillingOverviewResponse>> OverviewAsync(Guid weddingId) => api.GetWithOfflineCopyAsync<BillingOverviewResponse>(Routes.Overview(weddingId));

    /// <summary>Razorpay's hosted page for the instalment, where the couple pays it.</summary>
    public async Task<PayLinkResponse> PayAsync(Guid weddingId, Guid instalmentId) =>
        (await api.PostAsync<object?, PayLinkResponse>(Routes.Pay(weddingId, instalmentId), null)).Value!;

    /// <summary>Hands over Razorpay's return; the answer is the payment with its receipt.</summary>
    public async Task<ClientPaymentResponse> ReturnAsync(Guid weddingId, OnlinePaymentReturn back) =>
        (await api.PostAsync<OnlinePaymentReturn, ClientPaymentResponse>(Routes.Return(weddingId), back)).Value!;

    public Task<Loaded<ProfitAndLossResponse>> ProfitAndLossAsync(DateOnly from, DateOnly to) =>
        api.GetWithOfflineCopyAsync<ProfitAndLossResponse>(Routes.ProfitAndLoss(from, to), keepCopy: false);

    public Task<Loaded<ReceivablesResponse>> ReceivablesAsync() => api.GetWithOfflineCopyAsync<ReceivablesResponse>(Routes.Receivables);

    /// <summary>Whether a change heard on the wedding moves its invoices.</summary>
    public static bool ChangesInvoices(WeddingChangedMessage change) => change.Change == WeddingChange.InvoicesChanged;

    /// <summary>Whether a change heard on the wedding moves its plan and payments (a payment also moves the invoices' balances).</summary>
    public static bool ChangesPayments(WeddingChangedMessage change) => change.Change == WeddingChange.PaymentsChanged;

    /// <summary>Whether a change moves the couple's billing: their documents, their plan or their payments.</summary>
    public static bool ChangesBilling(WeddingChangedMessage change) => ChangesInvoices(change) || ChangesPayments(change);
}
