using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WedTech.App.Features.Events;
using WedTech.App.Features.Realtime;
using WedTech.App.Platform;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests;

/// <summary>The piece every page showing a live resource uses, on its own: load, live changes, 409, offline copies.</summary>
public class LiveResourceTests : AppTestContext
{
    private const string SangeetId = "01938a00-0000-7000-8000-000000000002";
    private static readonly Guid EventId = Guid.Parse(SangeetId);
    private static readonly string EventUrl = EventsApi.Routes.One(EventId);
    private static readonly RunOfShowItemResponse Drinks = Item(SangeetId, "01938a00-0000-7000-8000-000000000021", new DateTime(2026, 12, 10, 20, 30, 0), "Welcome drinks");

    private static EventResponse Sangeet(string name = "Sangeet night", long version = 4) =>
        Event(SangeetId, EventType.Sangeet, name, new DateTime(2026, 12, 10, 20, 30, 0), new DateTime(2026, 12, 11, 1, 0, 0), Rambagh, [Drinks], version: version);

    private int Fetches => Api.Requests.Count(r => r.RequestUri!.PathAndQuery == EventUrl);

    private LiveUpdates Live => Services.GetRequiredService<LiveUpdates>();

    private IRenderedComponent<LiveEventHost> RenderHost(bool withFallback = false)
    {
        var host = Render<LiveEventHost>(p => p.Add(h => h.EventId, EventId).Add(h => h.WithFallback, withFallback));
        // It loads once it follows the wedding, which waits up to a few seconds for the first attempt to reach the (absent) hub.
        host.WaitForAssertion(() => host.Instance.Event.Value.ShouldNotBeNull(), TimeSpan.FromSeconds(10));
        return host;
    }

    [Fact]
    public async Task It_loads_the_resource_with_its_version_and_renders_it_fresh_and_writable()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(EventUrl, Sangeet());

        var host = RenderHost();

        host.Find("[data-test=name]").TextContent.ShouldBe("Sangeet night");
        host.Instance.Event.ETag.ShouldBe("\"4\"");
        host.Instance.Event.StaleSince.ShouldBeNull();
        host.Instance.Event.ReadOnly.ShouldBeFalse();
        host.Instance.Event.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task A_live_change_to_it_loads_it_again_and_one_to_an_item_fetches_only_that_item()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(EventUrl, Sangeet());
        var host = RenderHost();
        Fetches.ShouldBe(1);

        // Another event's change, and an echo of what is shown, are not fetched.
        Live.Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.EventUpdated, 9, Guid.NewGuid()));
        Live.Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.EventUpdated, 4, EventId));
        Fetches.ShouldBe(1);

        Api.Returns(EventUrl, Sangeet("Sangeet under the stars", version: 5));
        Live.Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.EventUpdated, 5, EventId));
        host.WaitForAssertion(() => host.Find("[data-test=name]").TextContent.ShouldBe("Sangeet under the stars"));
        host.Instance.Event.ETag.ShouldBe("\"5\"");

        Api.Returns(EventsApi.Routes.Item(EventId, Drinks.Id), Drinks with { Status = RunOfShowStatus.Done, Version = 2 });
        Live.Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.RunOfShowChanged, 2, EventId, Drinks.Id));
        host.WaitForAssertion(() => host.Find("[data-test=done]").TextContent.ShouldBe("1"));
        Fetches.ShouldBe(2);
    }

    [Fact]
    public async Task A_write_refused_with_409_loads_the_latest_version_and_says_why_in_the_pages_words()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(EventUrl, Sangeet());
        var host = RenderHost();
        Api.Returns(EventUrl, Sangeet("Sangeet under the stars", version: 5));

        await host.InvokeAsync(() => host.Instance.Event.RefusedAsync(new ApiProblemException(409, "Conflict", null), "Someone changed this event after you opened it."));

        host.Find("[data-test=name]").TextContent.ShouldBe("Sangeet under the stars");
        host.Find("[data-test=problem]").TextContent.ShouldBe("Changed by someone else: Someone changed this event after you opened it.");
        host.Instance.Event.ETag.ShouldBe("\"5\"");
    }

    [Fact]
    public async Task A_refusal_other_than_409_is_shown_as_it_is_without_loading_again()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(EventUrl, Sangeet());
        var host = RenderHost();

        await host.InvokeAsync(() => host.Instance.Event.RefusedAsync(new ApiProblemException(403, "Forbidden", "Not yours to change."), "unused"));

        host.Find("[data-test=problem]").TextContent.ShouldBe("Forbidden: Not yours to change.");
        Fetches.ShouldBe(1);
    }

    [Fact]
    public async Task When_the_API_is_unreachable_the_copy_kept_on_this_device_is_shown_read_only()
    {
        var me = await SignInAsAsync(Role.Coordinator);
        Api.Unreachable(EventUrl);
        var savedAt = new DateTimeOffset(2026, 12, 10, 14, 0, 0, TimeSpan.Zero);
        JSInterop.Setup<string?>("wedtech.storage.get", "localStorage", $"{OfflineCopies.Prefix}{me.TenantId}:{me.Id}:{EventUrl}")
            .SetResult(JsonSerializer.Serialize(new { value = Sangeet(), eTag = "\"4\"", savedAt }, ApiJson.Options));

        var host = RenderHost();

        host.Find("[data-test=name]").TextContent.ShouldBe("Sangeet night");
        host.Instance.Event.StaleSince.ShouldBe(savedAt);
        host.Instance.Event.ReadOnly.ShouldBeTrue();
        host.Instance.Event.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task Without_a_copy_of_its_own_it_falls_back_on_another_kept_view_and_without_any_says_it_is_offline()
    {
        var me = await SignInAsAsync(Role.Coordinator);
        Api.Unreachable(EventUrl);
        var savedAt = new DateTimeOffset(2026, 12, 10, 14, 0, 0, TimeSpan.Zero);
        JSInterop.Setup<string?>("wedtech.storage.get", "localStorage", $"{OfflineCopies.Prefix}{me.TenantId}:{me.Id}:{EventsApi.Routes.Schedule(WeddingId)}")
            .SetResult(JsonSerializer.Serialize(new { value = Schedule(Sangeet()), eTag = (string?)null, savedAt }, ApiJson.Options));

        var host = RenderHost(withFallback: true);

        host.Find("[data-test=name]").TextContent.ShouldBe("Sangeet night");
        host.Instance.Event.StaleSince.ShouldBe(savedAt);
        host.Instance.Event.ETag.ShouldBe("\"4\"");

        var bare = Render<LiveEventHost>(p => p.Add(h => h.EventId, EventId));
        bare.WaitForAssertion(() => bare.Instance.Event.Problem.ShouldNotBeNull(), TimeSpan.FromSeconds(10));
        bare.Instance.Event.Problem!.Status.ShouldBe(ApiProblemException.Offline);
        bare.Instance.Event.Value.ShouldBeNull();
    }

    [Fact]
    public async Task A_resource_gone_on_loading_again_says_what_the_page_says_of_it()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(EventUrl, Sangeet());
        var host = RenderHost();
        Api.Returns(EventUrl, HttpStatusCode.NotFound);

        Live.Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.EventDeleted, null, EventId));

        host.WaitForAssertion(() => host.Find("[data-test=problem]").TextContent.ShouldBe("Event removed: Someone removed it."));
        host.FindAll("[data-test=name]").ShouldBeEmpty();
    }

    /// <summary>Shows one event through a <see cref="LiveResource{T}"/>, as the event page does, with nothing else.</summary>
    private sealed class LiveEventHost : ComponentBase, IAsyncDisposable
    {
        [Inject] private LiveUpdates Live { get; set; } = default!;
        [Inject] private Connectivity Connectivity { get; set; } = default!;
        [Inject] private EventsApi Events { get; set; } = default!;

        [Parameter] public Guid EventId { get; set; }
        [Parameter] public bool WithFallback { get; set; }

        public LiveResource<EventResponse> Event { get; private set; } = default!;

        protected override void OnInitialized() => Event = new LiveResource<EventResponse>(Live, Connectivity, InvokeAsync, StateHasChanged)
        {
            Fetch = () => Events.GetAsync(EventId),
            OfflineFallback = WithFallback
                ? async () => await Events.KeptScheduleAsync(WeddingId) is { } copy ? new Loaded<EventResponse>(copy.Value!.Events.Single(e => e.Id == EventId), null, copy.StaleSince) : null
                : null,
            Changes = (message, shown) => Events.ForEvent(EventId, message, shown),
            ETagOf = shown => ApiClient.ETag(shown.Version),
            Removed = ("Event removed", "Someone removed it."),
        };

        protected override Task OnParametersSetAsync() => Event.OpenAsync(WeddingId);

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            if (Event.Problem is { } problem)
            {
                builder.OpenElement(0, "p");
                builder.AddAttribute(1, "data-test", "problem");
                builder.AddContent(2, $"{problem.Title}: {problem.Detail}");
                builder.CloseElement();
            }
            if (Event.Value is { } shown)
            {
                builder.OpenElement(3, "h1");
                builder.AddAttribute(4, "data-test", "name");
                builder.AddContent(5, shown.Name);
                builder.CloseElement();
                builder.OpenElement(6, "span");
                builder.AddAttribute(7, "data-test", "done");
                builder.AddContent(8, shown.RunOfShow.Count(i => i.Status == RunOfShowStatus.Done));
                builder.CloseElement();
            }
        }

        public ValueTask DisposeAsync() => Event.DisposeAsync();
    }
}
