namespace WedTech.App.Features.Tasks;

/// <summary>
/// The Tasks module's API: a wedding's tasks (list, Kanban moves, ticks, comments, checklist templates applied), the couple's
/// own tasks, the caller's tasks across weddings, the studio's checklist templates and the caller's reminder channels.
/// </summary>
public sealed class TasksApi(ApiClient api)
{
    public static class Routes
    {
        public const string Mine = "/api/v1/tasks/mine";
        public const string Templates = "/api/v1/task-templates";
        public const string ReminderChannels = "/api/v1/me/reminder-channels";

        public static string OfWedding(Guid weddingId) => $"/api/v1/weddings/{weddingId}/tasks";

        public static string List(Guid weddingId, TaskState? status, Guid? assigneeId, Guid? eventId) =>
            Query.Build(OfWedding(weddingId), ("status", status is { } s ? ApiJson.EnumName(s) : null), ("assigneeId", assigneeId?.ToString()), ("eventId", eventId?.ToString()));

        public static string One(Guid weddingId, Guid id) => $"{OfWedding(weddingId)}/{id}";

        public static string Move(Guid weddingId, Guid id) => $"{One(weddingId, id)}/move";

        public static string Tick(Guid weddingId, Guid id, Guid itemId) => $"{One(weddingId, id)}/checklist/{itemId}";

        public static string Comments(Guid weddingId, Guid id) => $"{One(weddingId, id)}/comments";

        public static string FromTemplate(Guid weddingId) => $"{OfWedding(weddingId)}/from-template";

        public static string Ours(Guid weddingId) => $"/api/v1/weddings/{weddingId}/our-tasks";

        public static string OurTask(Guid weddingId, Guid id) => $"{Ours(weddingId)}/{id}";

        public static string OurMove(Guid weddingId, Guid id) => $"{OurTask(weddingId, id)}/move";

        public static string OurTick(Guid weddingId, Guid id, Guid itemId) => $"{OurTask(weddingId, id)}/checklist/{itemId}";

        public static string OurComments(Guid weddingId, Guid id) => $"{OurTask(weddingId, id)}/comments";

        public static string MinePage(int page, int pageSize) => Query.Build(Mine, ("page", Query.Number(page)), ("pageSize", Query.Number(pageSize)));

        public static string Template(Guid id) => $"{Templates}/{id}";

        /// <summary>Where a reminder's link lands: the wedding's tasks with the task's dialog open.</summary>
        public static string Page(Guid weddingId, Guid? taskId = null) => taskId is { } id ? $"weddings/{weddingId}/tasks?task={id}" : $"weddings/{weddingId}/tasks";
    }

    public Task<Loaded<List<TaskResponse>>> ListAsync(Guid weddingId, TaskState? status = null, Guid? assigneeId = null, Guid? eventId = null) =>
        api.GetWithOfflineCopyAsync<List<TaskResponse>>(Routes.List(weddingId, status, assigneeId, eventId), keepCopy: status is null && assigneeId is null && eventId is null);

    public Task<Loaded<TaskDetailResponse>> GetAsync(Guid weddingId, Guid id) => api.GetWithOfflineCopyAsync<TaskDetailResponse>(Routes.One(weddingId, id), keepCopy: false);

    public Task<Loaded<TaskDetailResponse>> CreateAsync(Guid weddingId, TaskRequest request) => api.PostAsync<TaskRequest, TaskDetailResponse>(Routes.OfWedding(weddingId), request);

    public Task<Loaded<TaskResponse>> UpdateAsync(Guid weddingId, Guid id, TaskRequest request, long version) =>
        api.PutAsync<TaskRequest, TaskResponse>(Routes.One(weddingId, id), request, ApiClient.ETag(version));

    public Task DeleteAsync(Guid weddingId, Guid id, long version) => api.DeleteAsync(Routes.One(weddingId, id), ApiClient.ETag(version));

    /// <summary>To a column of the board, at a place in it (0: the top; none: the bottom). The couple's own: done or to do.</summary>
    public Task<Loaded<TaskResponse>> MoveAsync(Guid weddingId, Guid id, TaskState status, int? position, bool own = false) =>
        api.PostAsync<TaskMoveRequest, TaskResponse>(own ? Routes.OurMove(weddingId, id) : Routes.Move(weddingId, id), new TaskMoveRequest(status, position));

    public Task<Loaded<TaskResponse>> TickAsync(Guid weddingId, Guid id, Guid itemId, bool done, bool own = false) =>
        api.PostAsync<ChecklistTickRequest, TaskResponse>(own ? Routes.OurTick(weddingId, id, itemId) : Routes.Tick(weddingId, id, itemId), new ChecklistTickRequest(done));

    public Task<Loaded<TaskCommentResponse>> CommentAsync(Guid weddingId, Guid id, TaskCommentRequest request, bool own = false) =>
        api.PostAsync<TaskCommentRequest, TaskCommentResponse>(own ? Routes.OurComments(weddingId, id) : Routes.Comments(weddingId, id), request);

    public Task<Loaded<ApplyTaskTemplateResponse>> ApplyTemplateAsync(Guid weddingId, Guid templateId) =>
        api.PostAsync<ApplyTaskTemplateRequest, ApplyTaskTemplateResponse>(Routes.FromTemplate(weddingId), new ApplyTaskTemplateRequest(templateId));

    public Task<Loaded<List<TaskResponse>>> OursAsync(Guid weddingId) => api.GetWithOfflineCopyAsync<List<TaskResponse>>(Routes.Ours(weddingId));

    public Task<Loaded<TaskDetailResponse>> OurTaskAsync(Guid weddingId, Guid id) => api.GetWithOfflineCopyAsync<TaskDetailResponse>(Routes.OurTask(weddingId, id), keepCopy: false);

    public Task<Loaded<PagedResponse<TaskResponse>>> MineAsync(int page = 1, int pageSize = 100) =>
        api.GetWithOfflineCopyAsync<PagedResponse<TaskResponse>>(Routes.MinePage(page, pageSize));

    public Task<IReadOnlyList<TaskTemplateResponse>> TemplatesAsync() => api.GetAsync<IReadOnlyList<TaskTemplateResponse>>(Routes.Templates);

    public Task<Loaded<TaskTemplateResponse>> TemplateAsync(Guid id) => api.GetWithOfflineCopyAsync<TaskTemplateResponse>(Routes.Template(id), keepCopy: false);

    public Task<Loaded<TaskTemplateResponse>> CreateTemplateAsync(TaskTemplateRequest request) => api.PostAsync<TaskTemplateRequest, TaskTemplateResponse>(Routes.Templates, request);

    public Task<Loaded<TaskTemplateResponse>> UpdateTemplateAsync(Guid id, TaskTemplateRequest request, long version) =>
        api.PutAsync<TaskTemplateRequest, TaskTemplateResponse>(Routes.Template(id), request, ApiClient.ETag(version));

    public Task DeleteTemplateAsync(Guid id, long version) => api.DeleteAsync(Routes.Template(id), ApiClient.ETag(version));

    public Task<ReminderChannels> ReminderChannelsAsync() => api.GetAsync<ReminderChannels>(Routes.ReminderChannels);

    public Task<Loaded<ReminderChannels>> SetReminderChannelsAsync(ReminderChannels channels) =>
        api.PutAsync<ReminderChannels, ReminderChannels>(Routes.ReminderChannels, channels, null);
}
