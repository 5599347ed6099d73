using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Guests;
using WedTech.App.Features.Guests.Components;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests;

public class SendDialogTests : AppTestContext
{
    private static readonly Guid Sharma = Guid.Parse("01938a00-0000-7000-8000-0000000000a1");
    private static readonly Guid Kapoor = Guid.Parse("01938a00-0000-7000-8000-0000000000a2");

    private static GuestSendPreviewResponse Preview(int messages, int? left, int? quota = 200) => new(messages, 0,
        [new GuestSendSkip(Kapoor, "Kapoor family", "No mobile number")], left is null ? null : quota, left, null,
        "Namaste Sharma family, Meera & Sahil would love to have you at their wedding. Please let us know if you can come: https://shaadi.wedtech.in/rsvp/… — Shaadi Studio");

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, Task<DialogResult?> Result)> OpenAsync(IReadOnlyList<Guid>? households)
    {
        await SignInAsAsync(Role.Planner);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<SendDialog> { { d => d.WeddingId, WeddingId }, { d => d.HouseholdIds, households } };
        var reference = await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<SendDialog>("Send", parameters));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=send-count]"));
        return (dialogs, reference.Result);
    }

    private static void Choose(IRenderedComponent<MudDialogProvider> dialogs, string group, string label) =>
        dialogs.FindAll($"[data-test={group}] .mud-radio").Single(r => r.TextContent.Trim() == label).QuerySelector("input")!.Click();

    [Fact]
    public async Task What_will_go_who_is_left_out_and_the_allowance_show_before_sending_and_too_few_left_stops_it_going_now()
    {
        Api.Returns(GuestsApi.Routes.SendPreview(WeddingId), Preview(42, left: 10), "POST");
        var (dialogs, _) = await OpenAsync(null);

        dialogs.Find("[data-test=send-count]").TextContent.ShouldBe("42 messages to the wedding's households");
        dialogs.Find("[data-test=send-quota]").TextContent.ShouldContain("WhatsApp: 10 of 200 left today.");
        dialogs.Find("[data-test=send-quota]").TextContent.ShouldContain("Not enough to send now");
        dialogs.Find("[data-test=send-skipped]").TextContent.ShouldContain("Kapoor family: no mobile number");
        dialogs.Find("[data-test=send-sample]").TextContent.ShouldContain("Namaste Sharma family");
        dialogs.Find("[data-test=send-confirm]").HasAttribute("disabled").ShouldBeTrue();

        // By e-mail there is no daily allowance: it may go.
        Api.Returns(GuestsApi.Routes.SendPreview(WeddingId), Preview(42, left: null), "POST");
        Choose(dialogs, "send-channel", "E-mail");
        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-test=send-quota]").ShouldBeEmpty());
        JsonDocument.Parse(Api.RequestBodies[^1]).RootElement.GetProperty("channel").GetString().ShouldBe("email");
        dialogs.Find("[data-test=send-confirm]").TextContent.ShouldBe("Send 42 messages");
        dialogs.Find("[data-test=send-confirm]").HasAttribute("disabled").ShouldBeFalse();
        Api.Requests.ShouldNotContain(r => r.RequestUri!.AbsolutePath == GuestsApi.Routes.Sends(WeddingId));
    }

    [Fact]
    public async Task A_reminder_to_the_households_shown_goes_with_their_ids_and_the_dialog_closes_with_the_sending()
    {
        Api.Returns(GuestsApi.Routes.SendPreview(WeddingId), Preview(1, left: 150), "POST");
        var sending = new GuestSendResponse(Guid.NewGuid(), WeddingId, GuestMessageKind.Reminder, MessageChannel.WhatsApp, null, "hi", 2, null, GuestSendStatus.Sending,
            0, 0, null, "Asha", DateTimeOffset.UtcNow, null);
        Api.Returns(GuestsApi.Routes.Sends(WeddingId), sending, "POST");
        var (dialogs, result) = await OpenAsync([Sharma, Kapoor]);
        dialogs.Find("[data-test=send-count]").TextContent.ShouldBe("1 message to the 2 households shown");

        Choose(dialogs, "send-kind", "Reminder to those who have not answered");
        dialogs.WaitForAssertion(() => JsonDocument.Parse(Api.RequestBodies[^1]).RootElement.GetProperty("kind").GetString().ShouldBe("reminder"));
        dialogs.Find("[data-test=send-confirm]").Click();

        var closed = await result;
        closed.ShouldNotBeNull().Data.ShouldBe(sending);
        var sent = JsonDocument.Parse(Api.RequestBodies[^1]).RootElement;
        sent.GetProperty("kind").GetString().ShouldBe("reminder");
        sent.GetProperty("channel").GetString().ShouldBe("whats-app");
        sent.GetProperty("householdIds").EnumerateArray().Select(e => e.GetGuid()).ShouldBe([Sharma, Kapoor]);
        (sent.TryGetProperty("sendAt", out var at) ? at.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null, "it goes now");
    }
}
