using System.Text;
using Microsoft.Playwright;
using Shouldly;
using SkiaSharp;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests.Browser;

/// <summary>
/// The door of the Sangeet: a coordinator's phone scans a household's guest pass with its camera (Chromium's fake camera
/// showing the pass the studio downloads) and finds another household by name, while the planner's wedding page, open on a
/// desktop, counts the arrivals as they happen.
/// </summary>
[Collection(BrowserServer.SecondLane)]
public sealed class CheckInAtTheDoorTests(BrowserServer server)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task A_coordinator_scans_a_guest_pass_on_a_phone_and_the_planners_arrivals_move_without_reloading()
    {
        var studio = await Studio.CreateAsync(server, Studio.NewSlug("door"));
        var admin = await studio.AdminAsync();
        using var api = new BrowserApi(studio, admin);
        var planner = await api.AddPersonAsync(Role.Planner, "Meera Iyer");
        var coordinator = await api.AddPersonAsync(Role.Coordinator, "Kavya Reddy");
        var wedding = await api.CreateWeddingAsync("Sharma–Verma wedding", "Priya Sharma", "Rahul Verma", new DateOnly(2027, 2, 14),
            new TeamAssignment(planner.Id, TeamRole.LeadPlanner), new TeamAssignment(coordinator.Id, TeamRole.Coordinator));
        var sangeet = await api.AddEventAsync(wedding.Id, new EventRequest(EventType.Sangeet, "Sangeet night", new DateTime(2027, 2, 13, 19, 30, 0),
            new DateTime(2027, 2, 14, 0, 30, 0), "Asia/Kolkata", null, null, 250, null, EventStatus.Confirmed, null));
        async Task<HouseholdResponse> InvitedAsync(string name, params GuestRequest[] members)
        {
            var household = await api.AddHouseholdAsync(wedding.Id, new HouseholdRequest(name, GuestSide.Bride, null, null, null, null, null, null, null, null, null, members),
                new InvitationRequest(sangeet.Id, members.Length, null));
            await api.AnswerAsync(wedding.Id, household.Id, sangeet.Id, new RsvpRequest([.. household.Members.Select(m => new MemberAnswer(m.Id, RsvpAnswer.Attending))], null));
            return household;
        }
        var sharmas = await InvitedAsync("Sharma family", Guest("Sunita Sharma", Diet.Jain, null), Guest("Rahul Sharma", Diet.Veg, "Peanuts"), Guest("Anya Sharma", null, null));
        await InvitedAsync("Mehta family", Guest("Priya Mehta", Diet.NonVeg, null), Guest("Dev Mehta", null, null));
        await api.RsvpLinkAsync(wedding.Id, sharmas.Id);
        var pass = await admin.GetByteArrayAsync($"/api/v1/weddings/{wedding.Id}/households/{sharmas.Id}/guest-pass", TestContext.Current.CancellationToken);
        var video = Path.Combine(server.DataDirectory, $"pass-{sharmas.Id:N}.y4m");
        WriteY4m(pass, video);

        await using var camera = await server.CameraBrowserAsync(video);
        var door = await server.NewPageAsync(phone: true, size: Phone, browser: camera, permissions: ["camera"]);
        var desk = await server.NewPageAsync();
        var checkIn = $"/app/weddings/{wedding.Id}/events/{sangeet.Id}/check-in";

        await BrowserServer.ScenarioAsync(desk, "planner-arrivals", async () =>
        {
            await server.SignInAsync(desk, studio.Slug, planner.Email, expectedPath: $"/app/weddings/{wedding.Id}", open: $"/app/weddings/{wedding.Id}");
            await Expect(desk.Locator("[data-test=arrivals-count]")).ToHaveTextAsync("0 of 5 arrived");
            await desk.EvaluateAsync("() => window.plannerPageMark = 'not reloaded'");
        });

        await BrowserServer.ScenarioAsync(door, "coordinator-door", async () =>
        {
            await server.SignInAsync(door, studio.Slug, coordinator.Email, expectedPath: checkIn, open: checkIn);
            await Expect(door.Locator("[data-test=arrived-count]")).ToHaveTextAsync("0");
            await Expect(door.Locator("[data-test=arrival-row]")).ToHaveCountAsync(2);
            await BrowserServer.NoHorizontalScrollAsync(door, "check-in");
            await Accessibility.CheckAsync(door, "check-in");
            await BrowserServer.ScreenshotAsync(door, "phone-390-check-in");

            await door.Locator("[data-test=scanner-start]").ClickAsync();
            var card = door.Locator("[data-test=checkin-card]");
            await Expect(card).ToHaveAttributeAsync("data-outcome", "checked-in");
            await Expect(card.Locator("[data-test=checkin-household]")).ToHaveTextAsync("Sharma family");
            await Expect(card.Locator("[data-test=checkin-message]")).ToHaveTextAsync("Welcome! All 3 guests checked in.");
            await Expect(card.Locator("[data-test=member-allergy]")).ToHaveTextAsync("Allergy: Peanuts");
            await Expect(door.Locator("[data-test=arrived-count]")).ToHaveTextAsync("3");
            await BrowserServer.NoHorizontalScrollAsync(door, "check-in scanned");
            await BrowserServer.ScreenshotAsync(door, "phone-390-check-in-scanned");
        });

        await BrowserServer.ScenarioAsync(desk, "planner-arrivals-moved", async () =>
        {
            await Expect(desk.Locator("[data-test=arrivals-count]")).ToHaveTextAsync("3 of 5 arrived");
            (await desk.EvaluateAsync<string?>("() => window.plannerPageMark")).ShouldBe("not reloaded");
        });

        await BrowserServer.ScenarioAsync(door, "coordinator-door-again", async () =>
        {
            // The pass is still in front of the camera: read again after the pause, it warns and adds nobody.
            var card = door.Locator("[data-test=checkin-card]");
            await Expect(card).ToHaveAttributeAsync("data-outcome", "already-arrived");
            await Expect(card.Locator("[data-test=checkin-message]")).ToContainTextAsync("Already arrived at ");
            await Expect(card.Locator("[data-test=checkin-message]")).ToContainTextAsync("checked in by Kavya Reddy");
            await Expect(door.Locator("[data-test=arrived-count]")).ToHaveTextAsync("3");
            await BrowserServer.ScreenshotAsync(door, "phone-390-check-in-again");
            await door.Locator("[data-test=scanner-stop]").ClickAsync();

            // Someone without their pass: found by name, everyone checked in with one tap.
            await door.Locator("#checkin-search").FillAsync("mehta");
            await Expect(door.Locator("[data-test=arrival-row]")).ToHaveCountAsync(1);
            await door.Locator("[data-test=arrival-row]").ClickAsync();
            await Expect(card.Locator("[data-test=checkin-household]")).ToHaveTextAsync("Mehta family");
            await door.Locator("[data-test=checkin-all]").ClickAsync();
            await Expect(card).ToHaveAttributeAsync("data-outcome", "checked-in");
            await Expect(door.Locator("[data-test=arrived-count]")).ToHaveTextAsync("5");
            await BrowserServer.ScreenshotAsync(door, "phone-390-check-in-by-name");
        });

        await BrowserServer.ScenarioAsync(desk, "planner-arrivals-all", async () =>
        {
            await Expect(desk.Locator("[data-test=arrivals-count]")).ToHaveTextAsync("5 of 5 arrived");
            await BrowserServer.ScreenshotAsync(desk, "desktop-wedding-arrivals");
        });
    }

    private static GuestRequest Guest(string name, Diet? diet, string? allergies) => new(null, name, null, null, AgeGroup.Adult, diet, allergies, null, null, null);

    /// <summary>
    /// The pass as a camera would see it held up: the PNG drawn big on a white 640×480 picture, written as a Y4M video
    /// (4:2:0, a few identical frames) that Chromium's fake camera plays on a loop.
    /// </summary>
    private static void WriteY4m(byte[] png, string path)
    {
        const int width = 640, height = 480, side = 420;
        using var qr = SKBitmap.Decode(png);
        using var frame = new SKBitmap(width, height, SKColorType.Bgra8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(frame))
        {
            canvas.Clear(SKColors.White);
            using var image = SKImage.FromBitmap(qr);
            canvas.DrawImage(image, SKRect.Create((width - side) / 2f, (height - side) / 2f, side, side), new SKSamplingOptions(SKFilterMode.Nearest));
        }
        var luma = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var pixel = frame.GetPixel(x, y);
                luma[y * width + x] = (byte)((pixel.Red * 77 + pixel.Green * 150 + pixel.Blue * 29) >> 8);
            }
        }
        var chroma = Enumerable.Repeat((byte)128, width / 2 * (height / 2)).ToArray();
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n"));
        for (var i = 0; i < 5; i++)
        {
            file.Write("FRAME\n"u8);
            file.Write(luma);
            file.Write(chroma);
            file.Write(chroma);
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
