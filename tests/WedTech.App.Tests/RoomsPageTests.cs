using System.Text.Json;
using Bunit;
using Shouldly;
using WedTech.App.Features.Rooms;
using WedTech.App.Features.Rooms.Pages;
using WedTech.App.Features.Venues;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests;

public class RoomsPageTests : AppTestContext
{
    private static readonly Guid HotelId = Guid.NewGuid();

    private static RoomBlockResponse Deluxe(long? rate, string? notes) => new(Guid.NewGuid(), WeddingId, HotelId, "Samode Palace", "Jaipur", "Deluxe double", 5,
        new DateOnly(2027, 2, 12), new DateOnly(2027, 2, 15), rate, RoomPayer.Family, notes, 4,
        [new RoomAllotmentResponse(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Sharma family", [new(Guid.NewGuid(), "सुनीता शर्मा"), new(Guid.NewGuid(), "Rahul Sharma")],
            new DateOnly(2027, 2, 12), new DateOnly(2027, 2, 14), 1)], 2);

    private static PagedResponse<RoomBlockResponse> Blocks(params RoomBlockResponse[] blocks) => new(blocks, 1, 100, blocks.Length);

    private IRenderedComponent<RoomsPage> RenderPage() => Render<RoomsPage>(p => p.Add(c => c.Id, WeddingId));

    [Fact]
    public async Task A_planner_sees_each_block_with_its_rate_and_rooms_and_holds_more_rooms()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(RoomsApi.Routes.AllBlocks(WeddingId), Blocks(Deluxe(12_500_00, "Lake side")));
        Api.Returns(VenuesApi.Routes.Venues, new PagedResponse<VenueResponse>([new VenueResponse(HotelId, "Samode Palace", null, "Jaipur", "08", "Rajasthan", "IN", null, 400, [],
            null, "Asia/Kolkata", 0, 1, DateTimeOffset.UtcNow)], 1, 100, 1));
        Api.Returns(RoomsApi.Routes.Blocks(WeddingId), Deluxe(12_500_00, null), "POST");
        var page = RenderPage();

        page.WaitForAssertion(() => page.Find("[data-test=block-meta]").TextContent
            .ShouldBe("5 rooms · 12 Feb 2027 to 15 Feb 2027 · 3 nights · paid by the family · ₹12,500 a night"));
        page.Find("[data-test=rooms-free]").TextContent.ShouldBe("4 of 5 free on the fullest night");
        page.Find("[data-test=room]").TextContent.ShouldContain("Sharma family: सुनीता शर्मा, Rahul Sharma · 12 Feb 2027 to 14 Feb 2027");
        page.Find("[data-test=rooming-pdf]").GetAttribute("href").ShouldBe(RoomsApi.Routes.RoomingList(WeddingId, "pdf"));

        await page.InvokeAsync(() => page.Find("[data-test=hold-rooms]").Click());
        page.WaitForAssertion(() => page.Find("[data-test=hold-form]"));
        page.Find("#room-type").Change("Suite");
        page.Find("#room-count").Change("2");
        page.Find("#room-rate").Change("18000");
        await page.InvokeAsync(() => page.Find("[data-test=save-hold]").Click());

        var body = JsonDocument.Parse(Api.RequestBodies[^1]).RootElement;
        (body.GetProperty("roomType").GetString(), body.GetProperty("rooms").GetInt32(), body.GetProperty("ratePaise").GetInt64()).ShouldBe(("Suite", 2, 18_000_00L));
    }

    [Fact]
    public async Task A_coordinator_sees_the_rooms_and_is_offered_no_change()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(RoomsApi.Routes.AllBlocks(WeddingId), Blocks(Deluxe(null, null)));

        var page = RenderPage();

        page.WaitForAssertion(() => page.Find("[data-test=block-meta]").TextContent.ShouldNotContain("₹"));
        page.FindAll("[data-test=hold-rooms]").ShouldBeEmpty();
        page.FindAll("[data-test=give-room]").ShouldBeEmpty();
        page.FindAll("[data-test=take-back]").ShouldBeEmpty();
    }
}
