namespace WedTech.App.Features.Calendar;

/// <summary>The Calendar module's API: the person's calendar feeds.</summary>
public sealed class CalendarApi(ApiClient api)
{
    public static class Routes
    {
        public const string Feeds = "/api/v1/calendar/feeds";

        public static string Feed(Guid feedId) => $"{Feeds}/{feedId}";
    }

    public Task<List<CalendarFeedResponse>> FeedsAsync() => api.GetAsync<List<CalendarFeedResponse>>(Routes.Feeds);

    public async Task<CalendarFeedCreatedResponse> CreateFeedAsync(CreateCalendarFeedRequest request) =>
        (await api.PostAsync<CreateCalendarFeedRequest, CalendarFeedCreatedResponse>(Routes.Feeds, request)).Value!;

    public Task DeleteFeedAsync(Guid feedId) => api.DeleteAsync(Routes.Feed(feedId), ifMatch: null);
}
