namespace WedTech.App.Features.Budget;

/// <summary>
/// The Budget module's API: a wedding's budget lines, the studio's fee, what-if runs that save nothing, and the budget the
/// studio shares with the couple.
/// </summary>
public sealed class BudgetApi(ApiClient api)
{
    public static class Routes
    {
        public static string Budget(Guid weddingId) => $"/api/v1/weddings/{weddingId}/budget";

        public static string Settings(Guid weddingId) => $"{Budget(weddingId)}/settings";

        public static string Lines(Guid weddingId) => $"{Budget(weddingId)}/lines";

        public static string Line(Guid weddingId, Guid id) => $"{Lines(weddingId)}/{id}";

        public static string WhatIf(Guid weddingId) => $"{Budget(weddingId)}/what-if";

        public static string Shared(Guid weddingId) => $"{Budget(weddingId)}/shared";
    }

    /// <summary>The budget as the studio sees it; its ETag is the version of its settings.</summary>
    public Task<Loaded<BudgetResponse>> BudgetAsync(Guid weddingId) => api.GetWithOfflineCopyAsync<BudgetResponse>(Routes.Budget(weddingId));

    public Task<Loaded<BudgetResponse>> SaveSettingsAsync(Guid weddingId, BudgetSettingsRequest request, string? ifMatch) =>
        api.PutAsync<BudgetSettingsRequest, BudgetResponse>(Routes.Settings(weddingId), request, ifMatch);

    public Task<Loaded<BudgetLineResponse>> AddLineAsync(Guid weddingId, BudgetLineRequest request) =>
        api.PostAsync<BudgetLineRequest, BudgetLineResponse>(Routes.Lines(weddingId), request);

    public Task<Loaded<BudgetLineResponse>> UpdateLineAsync(Guid weddingId, Guid id, BudgetLineRequest request, string? ifMatch) =>
        api.PutAsync<BudgetLineRequest, BudgetLineResponse>(Routes.Line(weddingId, id), request, ifMatch);

    public Task DeleteLineAsync(Guid weddingId, Guid id, string? ifMatch) => api.DeleteAsync(Routes.Line(weddingId, id), ifMatch);

    /// <summary>The budget as it would be with these headcounts and amounts: computed by the server, never saved.</summary>
    public async Task<BudgetResponse> WhatIfAsync(Guid weddingId, BudgetWhatIfRequest request, CancellationToken cancellationToken = default) =>
        (await api.PostAsync<BudgetWhatIfRequest, BudgetResponse>(Routes.WhatIf(weddingId), request, cancellationToken)).Value!;

    /// <summary>The budget the couple sees.</summary>
    public Task<Loaded<SharedBudgetResponse>> SharedAsync(Guid weddingId) => api.GetWithOfflineCopyAsync<SharedBudgetResponse>(Routes.Shared(weddingId));

    /// <summary>Whether a change heard on the wedding moves the budget: its lines and settings, the bookings and payments, and the RSVPs (per-guest lines).</summary>
    public static bool ChangesBudget(WeddingChangedMessage change) =>
        change.Change is WeddingChange.BudgetChanged or WeddingChange.VendorsChanged or WeddingChange.GuestsChanged;
}
