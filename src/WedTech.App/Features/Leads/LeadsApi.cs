namespace WedTech.App.Features.Leads;

/// <summary>
/// The Leads module's API: the board and the list, a lead with its timeline, activities and follow-ups, duplicates and merging,
/// moves, won and lost, the pipeline's stages, conversion by source and the inquiry form's snippet.
/// </summary>
public sealed class LeadsApi(ApiClient api)
{
    public static class Routes
    {
        public const string Leads = "/api/v1/leads";
        public const string Board = "/api/v1/leads/board";
        public const string InquiryForm = "/api/v1/leads/inquiry-form";
        public const string Stages = "/api/v1/pipeline/stages";
        public const string StageOrder = "/api/v1/pipeline/stages/order";

        public static string List(Guid? stageId, Guid? assigneeId, LeadSource? source, string? search, int page, int pageSize) =>
            Query.Build(Leads, ("stageId", stageId?.ToString()), ("assigneeId", assigneeId?.ToString()), ("source", source is { } s ? ApiJson.EnumName(s) : null),
                ("q", search), ("page", Query.Number(page)), ("pageSize", Query.Number(pageSize)));

        public static string Conversion(DateOnly? from, DateOnly? to) =>
            Query.Build($"{Leads}/conversion", ("from", from?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                ("to", to?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

        public static string Lead(Guid id) => $"{Leads}/{id}";
        public static string Move(Guid id) => $"{Lead(id)}/move";
        public static string Lost(Guid id) => $"{Lead(id)}/lost";
        public static string Reopen(Guid id) => $"{Lead(id)}/reopen";
        public static string Won(Guid id) => $"{Lead(id)}/won";
        public static string Timeline(Guid id) => $"{Lead(id)}/timeline";
        public static string Activities(Guid id) => $"{Lead(id)}/activities";
        public static string FollowUpDone(Guid id, Guid activityId) => $"{Activities(id)}/{activityId}/done";
        public static string Duplicates(Guid id) => $"{Lead(id)}/duplicates";
        public static string Merge(Guid id) => $"{Lead(id)}/merge";
        public static string Stage(Guid id) => $"{Stages}/{id}";
        public static string DeleteStage(Guid id, Guid? moveTo) => Query.Build(Stage(id), ("moveTo", moveTo?.ToString()));
    }

    public Task<Loaded<LeadBoardResponse>> BoardAsync() => api.GetWithOfflineCopyAsync<LeadBoardResponse>(Routes.Board);

    public Task<Loaded<PagedResponse<LeadListItem>>> ListAsync(Guid? stageId, Guid? assigneeId, LeadSource? source, string? search, int page = 1, int pageSize = 25) =>
        api.GetWithOfflineCopyAsync<PagedResponse<LeadListItem>>(Routes.List(stageId, assigneeId, source, search, page, pageSize), keepCopy: false);

    public Task<Loaded<LeadResponse>> LeadAsync(Guid id) => api.GetWithOfflineCopyAsync<LeadResponse>(Routes.Lead(id), keepCopy: false);

    public Task<Loaded<LeadResponse>> AddAsync(LeadRequest request) => api.PostAsync<LeadRequest, LeadResponse>(Routes.Leads, request);

    public Task<Loaded<LeadResponse>> UpdateAsync(Guid id, LeadRequest request, string? ifMatch) => api.PutAsync<LeadRequest, LeadResponse>(Routes.Lead(id), request, ifMatch);

    public Task DeleteAsync(Guid id, string? ifMatch) => api.DeleteAsync(Routes.Lead(id), ifMatch);

    public Task<Loaded<LeadResponse>> MoveAsync(Guid id, LeadMoveRequest request) => api.PostAsync<LeadMoveRequest, LeadResponse>(Routes.Move(id), request);

    public Task<Loaded<LeadResponse>> LostAsync(Guid id, LeadLostRequest request) => api.PostAsync<LeadLostRequest, LeadResponse>(Routes.Lost(id), request);

    public Task<Loaded<LeadResponse>> ReopenAsync(Guid id) => api.PostAsync<object?, LeadResponse>(Routes.Reopen(id), null);

    public Task<Loaded<LeadWonResponse>> WonAsync(Guid id) => api.PostAsync<object?, LeadWonResponse>(Routes.Won(id), null);

    public Task<IReadOnlyList<LeadActivityResponse>> TimelineAsync(Guid id) => api.GetAsync<IReadOnlyList<LeadActivityResponse>>(Routes.Timeline(id));

    public Task<Loaded<LeadActivityResponse>> AddActivityAsync(Guid id, LeadActivityRequest request) =>
        api.PostAsync<LeadActivityRequest, LeadActivityResponse>(Routes.Activities(id), request);

    public Task<Loaded<LeadActivityResponse>> FollowUpDoneAsync(Guid id, Guid activityId) =>
        api.PostAsync<object?, LeadActivityResponse>(Routes.FollowUpDone(id, activityId), null);

    public Task<IReadOnlyList<LeadListItem>> DuplicatesAsync(Guid id) => api.GetAsync<IReadOnlyList<LeadListItem>>(Routes.Duplicates(id));

    public Task<Loaded<LeadResponse>> MergeAsync(Guid id, Guid otherId) => api.PostAsync<LeadMergeRequest, LeadResponse>(Routes.Merge(id), new LeadMergeRequest(otherId));

    public Task<IReadOnlyList<PipelineStageResponse>> StagesAsync() => api.GetAsync<IReadOnlyList<PipelineStageResponse>>(Routes.Stages);

    public Task<Loaded<PipelineStageResponse>> AddStageAsync(string name) => api.PostAsync<PipelineStageRequest, PipelineStageResponse>(Routes.Stages, new PipelineStageRequest(name));

    public Task<Loaded<PipelineStageResponse>> RenameStageAsync(Guid id, string name, long version) =>
        api.PutAsync<PipelineStageRequest, PipelineStageResponse>(Routes.Stage(id), new PipelineStageRequest(name), $"\"{version}\"");

    public Task<Loaded<IReadOnlyList<PipelineStageResponse>>> OrderStagesAsync(IReadOnlyList<Guid> ids) =>
        api.PutAsync<PipelineOrderRequest, IReadOnlyList<PipelineStageResponse>>(Routes.StageOrder, new PipelineOrderRequest(ids), null);

    public Task DeleteStageAsync(Guid id, Guid? moveTo) => api.DeleteAsync(Routes.DeleteStage(id, moveTo), null);

    public Task<LeadConversionResponse> ConversionAsync(DateOnly? from, DateOnly? to) => api.GetAsync<LeadConversionResponse>(Routes.Conversion(from, to));

    public Task<InquiryFormResponse> InquiryFormAsync() => api.GetAsync<InquiryFormResponse>(Routes.InquiryForm);
}
