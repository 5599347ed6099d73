using System.Text.Json;

namespace WedTech.App.Features.Guests;

/// <summary>The Guests module's API: a wedding's guest list, invitations, answers and headcounts.</summary>
public sealed class GuestsApi(ApiClient api)
{
    /// <summary>The most households a page of the list brings; the whole list comes as pages fetched side by side.</summary>
    public const int PageSize = 100;

    public static class Routes
    {
        public static string Households(Guid weddingId) => $"/api/v1/weddings/{weddingId}/households";

        public static string Page(Guid weddingId, int page) =>
            Query.Build(Households(weddingId), ("page", Query.Number(page)), ("pageSize", Query.Number(PageSize)));

        public static string Household(Guid weddingId, Guid id) => $"/api/v1/weddings/{weddingId}/households/{id}";

        public static string Invitations(Guid weddingId, Guid id) => $"{Household(weddingId, id)}/invitations";

        public static string Answer(Guid weddingId, Guid id, Guid eventId) => $"{Household(weddingId, id)}/invitations/{eventId}/answer";

        public static string History(Guid weddingId, Guid id) => $"{Household(weddingId, id)}/history";

        public static string Headcounts(Guid weddingId) => $"/api/v1/weddings/{weddingId}/headcounts";

        public static string RsvpLink(Guid weddingId, Guid id) => $"{Household(weddingId, id)}/rsvp-link";

        public static string Settings(Guid weddingId) => $"/api/v1/weddings/{weddingId}/guest-settings";

        public static string Sends(Guid weddingId) => $"/api/v1/weddings/{weddingId}/guest-sends";

        public static string SendPreview(Guid weddingId) => $"{Sends(weddingId)}/preview";

        public static string Send(Guid weddingId, Guid id) => $"{Sends(weddingId)}/{id}";

        public static string Outreach(Guid weddingId) => $"/api/v1/weddings/{weddingId}/guest-outreach";

        public static string Imports(Guid weddingId) => $"/api/v1/weddings/{weddingId}/guest-imports";

        public static string ImportPreview(Guid weddingId) => $"{Imports(weddingId)}/preview";

        public static string Import(Guid weddingId, Guid id) => $"{Imports(weddingId)}/{id}";

        /// <summary>The guest list as a file; a plain link downloads it with the browser's session.</summary>
        public static string Export(Guid weddingId, string format) => Query.Build($"/api/v1/weddings/{weddingId}/guest-export", ("format", format));

        public static string IdDocuments(Guid weddingId) => $"/api/v1/weddings/{weddingId}/id-documents";

        public static string IdDocumentPage(Guid weddingId, int page) =>
            Query.Build(IdDocuments(weddingId), ("page", Query.Number(page)), ("pageSize", Query.Number(PageSize)));

        public static string IdDocument(Guid weddingId, Guid id) => $"{IdDocuments(weddingId)}/{id}";

        /// <summary>An ID document's file; a plain link opens it with the browser's session (and the opening is audited).</summary>
        public static string IdDocumentFile(Guid weddingId, Guid id) => $"{IdDocument(weddingId, id)}/file";

        /// <summary>The caterer's sheet of one event, or of every event without one; a plain link downloads it.</summary>
        public static string CatererSheet(Guid weddingId, Guid? eventId, string format) =>
            Query.Build($"/api/v1/weddings/{weddingId}/caterer-sheet", ("eventId", eventId?.ToString()), ("format", format));
    }

    /// <summary>
    /// The whole guest list, in name order: the first page, then the others side by side. Stale when any page came from
    /// the copy kept on this device.
    /// </summary>
    public async Task<Loaded<IReadOnlyList<HouseholdResponse>>> AllAsync(Guid weddingId)
    {
        var first = await api.GetWithOfflineCopyAsync<PagedResponse<HouseholdResponse>>(Routes.Page(weddingId, 1));
        var pages = (first.Value!.TotalCount + PageSize - 1) / PageSize;
        var rest = await Task.WhenAll(Enumerable.Range(2, Math.Max(0, pages - 1))
            .Select(page => api.GetWithOfflineCopyAsync<PagedResponse<HouseholdResponse>>(Routes.Page(weddingId, page))));
        var all = new List<HouseholdResponse>(first.Value.TotalCount);
        foreach (var page in rest.Prepend(first))
        {
            all.AddRange(page.Value!.Items);
        }
        var staleSince = rest.Prepend(first).Select(page => page.StaleSince).OfType<DateTimeOffset>().DefaultIfEmpty().Min();
        return new Loaded<IReadOnlyList<HouseholdResponse>>(all, null, staleSince == default ? null : staleSince);
    }

    /// <summary>A page of the wedding's ID documents. Never kept on the device: they are personal data.</summary>
    public Task<Loaded<IdDocumentsResponse>> IdDocumentsAsync(Guid weddingId, int page) =>
        api.GetWithOfflineCopyAsync<IdDocumentsResponse>(Routes.IdDocumentPage(weddingId, page), keepCopy: false);

    public Task DeleteIdDocumentAsync(Guid weddingId, Guid id) => api.DeleteAsync(Routes.IdDocument(weddingId, id), null);

    /// <summary>What importing the file would do, with the mapping detected or, when given, the planner's.</summary>
    public async Task<GuestImportPreview> PreviewImportAsync(Guid weddingId, GuestUpload file, ImportMapping? mapping) =>
        (await api.PostFileAsync<GuestImportPreview>(Routes.ImportPreview(weddingId), new MemoryStream(file.Content), file.Name, file.ContentType,
            mapping is null ? null : new Dictionary<string, string> { ["mapping"] = JsonSerializer.Serialize(mapping, ApiJson.Options) })).Value!;

    /// <summary>Queues the import; its progress is read with <see cref="ImportStatusAsync"/>.</summary>
    public async Task<GuestImportResponse> StartImportAsync(Guid weddingId, GuestUpload file, ImportMapping mapping, SimilarChoice similar,
        IReadOnlyList<SimilarHouseholdChoice> choices) =>
        (await api.PostFileAsync<GuestImportResponse>(Routes.Imports(weddingId), new MemoryStream(file.Content), file.Name, file.ContentType, new Dictionary<string, string>
        {
            ["mapping"] = JsonSerializer.Serialize(mapping, ApiJson.Options),
            ["similar"] = ApiJson.EnumName(similar),
            ["choices"] = JsonSerializer.Serialize(choices, ApiJson.Options),
        })).Value!;

    public Task<GuestImportResponse> ImportStatusAsync(Guid weddingId, Guid id) => api.GetAsync<GuestImportResponse>(Routes.Import(weddingId, id));

    public Task<Loaded<HeadcountsResponse>> HeadcountsAsync(Guid weddingId) => api.GetWithOfflineCopyAsync<HeadcountsResponse>(Routes.Headcounts(weddingId));

    public Task<Loaded<HouseholdResponse>> GetAsync(Guid weddingId, Guid id) => api.GetWithOfflineCopyAsync<HouseholdResponse>(Routes.Household(weddingId, id));

    public Task<Loaded<HouseholdResponse>> CreateAsync(Guid weddingId, HouseholdRequest request) =>
        api.PostAsync<HouseholdRequest, HouseholdResponse>(Routes.Households(weddingId), request);

    public Task<Loaded<HouseholdResponse>> UpdateAsync(Guid weddingId, Guid id, HouseholdRequest request, string? ifMatch) =>
        api.PutAsync<HouseholdRequest, HouseholdResponse>(Routes.Household(weddingId, id), request, ifMatch);

    public Task DeleteAsync(Guid weddingId, Guid id, string? ifMatch) => api.DeleteAsync(Routes.Household(weddingId, id), ifMatch);

    public Task<Loaded<HouseholdResponse>> InviteAsync(Guid weddingId, Guid id, InvitationsRequest request, string? ifMatch) =>
        api.PutAsync<InvitationsRequest, HouseholdResponse>(Routes.Invitations(weddingId, id), request, ifMatch);

    public Task<Loaded<InvitationResponse>> AnswerAsync(Guid weddingId, Guid id, Guid eventId, RsvpRequest request) =>
        api.PostAsync<RsvpRequest, InvitationResponse>(Routes.Answer(weddingId, id, eventId), request);

    /// <summary>A new personal RSVP link for the household; the one it had stops working.</summary>
    public async Task<RsvpLinkResponse> IssueRsvpLinkAsync(Guid weddingId, Guid id) =>
        (await api.PostAsync<object?, RsvpLinkResponse>(Routes.RsvpLink(weddingId, id), null)).Value!;

    public Task<Loaded<GuestListSettingsResponse>> SettingsAsync(Guid weddingId) => api.GetWithOfflineCopyAsync<GuestListSettingsResponse>(Routes.Settings(weddingId));

    public Task<Loaded<GuestListSettingsResponse>> SaveSettingsAsync(Guid weddingId, GuestListSettingsRequest request, string? ifMatch) =>
        api.PutAsync<GuestListSettingsRequest, GuestListSettingsResponse>(Routes.Settings(weddingId), request, ifMatch);

    public async Task<GuestSendPreviewResponse> PreviewSendAsync(Guid weddingId, GuestSendRequest request) =>
        (await api.PostAsync<GuestSendRequest, GuestSendPreviewResponse>(Routes.SendPreview(weddingId), request)).Value!;

    public async Task<GuestSendResponse> SendAsync(Guid weddingId, GuestSendRequest request) =>
        (await api.PostAsync<GuestSendRequest, GuestSendResponse>(Routes.Sends(weddingId), request)).Value!;

    public Task<Loaded<IReadOnlyList<GuestSendResponse>>> SendsAsync(Guid weddingId) =>
        api.GetWithOfflineCopyAsync<IReadOnlyList<GuestSendResponse>>(Routes.Sends(weddingId));

    public Task CancelSendAsync(Guid weddingId, Guid id) => api.DeleteAsync(Routes.Send(weddingId, id), null);

    public Task<Loaded<IReadOnlyList<HouseholdOutreach>>> OutreachAsync(Guid weddingId) =>
        api.GetWithOfflineCopyAsync<IReadOnlyList<HouseholdOutreach>>(Routes.Outreach(weddingId));

    public Task<IReadOnlyList<RsvpChangeResponse>> HistoryAsync(Guid weddingId, Guid id) =>
        api.GetAsync<IReadOnlyList<RsvpChangeResponse>>(Routes.History(weddingId, id));
}

/// <summary>A guest list chosen for import, kept in memory: it is sent for each preview and once more to import.</summary>
public sealed record GuestUpload(string Name, string? ContentType, byte[] Content);
