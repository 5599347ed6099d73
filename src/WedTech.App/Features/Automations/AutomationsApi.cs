namespace WedTech.App.Features.Automations;

/// <summary>The Automations module's API: the studio's rules, recipes and what they did.</summary>
public sealed class AutomationsApi(ApiClient api)
{
    public static class Routes
    {
        public const string Rules = "/api/v1/automations";
        public const string Recipes = "/api/v1/automations/recipes";
        public const string Choices = "/api/v1/automations/choices";

        public static string One(Guid id) => $"/api/v1/automations/{id}";

        public static string Pause(Guid id) => $"/api/v1/automations/{id}/pause";

        public static string Resume(Guid id) => $"/api/v1/automations/{id}/resume";

        public static string Recipe(string key) => $"/api/v1/automations/recipes/{Uri.EscapeDataString(key)}";

        public static string History(Guid id, int page, int pageSize) =>
            Query.Build($"/api/v1/automations/{id}/history", ("page", Query.Number(page)), ("pageSize", Query.Number(pageSize)));

        public static string Firings(int page, int pageSize) =>
            Query.Build("/api/v1/automations/firings", ("page", Query.Number(page)), ("pageSize", Query.Number(pageSize)));
    }

    public Task<Loaded<List<AutomationRuleResponse>>> RulesAsync() => api.GetWithOfflineCopyAsync<List<AutomationRuleResponse>>(Routes.Rules);

    public Task<Loaded<List<AutomationRecipeResponse>>> RecipesAsync() => api.GetWithOfflineCopyAsync<List<AutomationRecipeResponse>>(Routes.Recipes);

    public Task<Loaded<AutomationChoicesResponse>> ChoicesAsync() => api.GetWithOfflineCopyAsync<AutomationChoicesResponse>(Routes.Choices);

    public Task<Loaded<PagedResponse<AutomationFiringResponse>>> FiringsAsync(int page = 1, int pageSize = 20) =>
        api.GetWithOfflineCopyAsync<PagedResponse<AutomationFiringResponse>>(Routes.Firings(page, pageSize));

    public Task<Loaded<PagedResponse<AutomationFiringResponse>>> HistoryAsync(Guid id, int page = 1, int pageSize = 20) =>
        api.GetWithOfflineCopyAsync<PagedResponse<AutomationFiringResponse>>(Routes.History(id, page, pageSize));

    public Task<Loaded<AutomationRuleResponse>> CreateAsync(AutomationRuleRequest request) => api.PostAsync<AutomationRuleRequest, AutomationRuleResponse>(Routes.Rules, request);

    public Task<Loaded<AutomationRuleResponse>> UpdateAsync(Guid id, AutomationRuleRequest request, long version) =>
        api.PutAsync<AutomationRuleRequest, AutomationRuleResponse>(Routes.One(id), request, ApiClient.ETag(version));

    public Task<Loaded<AutomationRuleResponse>> PauseAsync(Guid id) => api.PostAsync<object?, AutomationRuleResponse>(Routes.Pause(id), null);

    public Task<Loaded<AutomationRuleResponse>> ResumeAsync(Guid id) => api.PostAsync<object?, AutomationRuleResponse>(Routes.Resume(id), null);

    public Task<Loaded<AutomationRuleResponse>> AddRecipeAsync(string key) => api.PostAsync<object?, AutomationRuleResponse>(Routes.Recipe(key), null);

    public Task DeleteAsync(Guid id, long version) => api.DeleteAsync(Routes.One(id), ApiClient.ETag(version));
}
