using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Messaging;
using WedTech.App.Features.Messaging.Components;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;
using static WedTech.App.Tests.Infrastructure.WeddingPeople;

namespace WedTech.App.Tests;

public class WriteMessageDialogTests : AppTestContext
{
    /// <summary>Rohan is not in the list of the studio's people read, so no e-mail address is known for him.</summary>
    private static readonly IReadOnlyList<TeamMemberResponse> Team = [Kavya, Rohan, Priya];

    private static readonly IReadOnlyList<UserResponse> People = [PriyaAccount, KavyaInvited];

    private static MessagingSettingsResponse Quota(int smsSent = 3, int whatsAppSent = 0) => new(SmsProvider.Twilio, 200, 200, smsSent, whatsAppSent, 1);

    private static MessageResponse Queued(MessageChannel channel, string recipient, string name) =>
        Message(channel, recipient, name, MessageStatus.Queued, "Mehendi timing", "The artists arrive at 3 pm.", DateTimeOffset.UnixEpoch);

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, Task<DialogResult?> Result)> OpenAsync(IReadOnlyList<UserResponse>? people = null)
    {
        await SignInAsAsync(Role.Planner);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<WriteMessageDialog>
        {
            { d => d.WeddingId, WeddingId }, { d => d.Recipients, MessageRecipients.OfWedding(Team, people ?? People, Session.Me!.Id) },
        };
        var reference = await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<WriteMessageDialog>("Write a message", parameters));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=recipients]"));
        return (dialogs, reference.Result);
    }

    private static List<string> Channels(IRenderedComponent<MudDialogProvider> dialogs) =>
        [.. dialogs.FindAll("[data-test=channels] .mud-radio").Select(r => r.TextContent.Trim())];

    private static void Tick(IRenderedComponent<MudDialogProvider> dialogs, Guid person, bool on) =>
        dialogs.Find($"input[data-test=recipient-{person}]").Change(on);

    private static void ChooseChannel(IRenderedComponent<MudDialogProvider> dialogs, string name) =>
        dialogs.FindAll("[data-test=channels] .mud-radio").Single(r => r.TextContent.Trim() == name).QuerySelector("input")!.Click();

    [Fact]
    public async Task The_couple_comes_first_and_chosen_and_only_channels_everyone_chosen_can_receive_are_offered()
    {
        Api.Returns(MessagesApi.Routes.Settings, Quota());
        var (dialogs, _) = await OpenAsync();

        var names = dialogs.FindAll("[data-test=recipient]").Select(r => r.TextContent).ToList();
        names.Count.ShouldBe(3);
        names[0].ShouldContain("Priya Sharma");
        names[0].ShouldContain("Couple · priya@example.com");
        names[1].ShouldContain("Rohan Verma");
        names[2].ShouldContain("Kavya Reddy");
        dialogs.Find("[data-test=recipients]").TextContent.ShouldContain("The couple");
        dialogs.Find("[data-test=recipients]").TextContent.ShouldContain("The team");

        // Both of the couple: no e-mail address is known for Rohan, so it starts in the app, free like e-mail.
        Channels(dialogs).ShouldBe(["SMS", "WhatsApp", "Push notification", "In the app"]);
        dialogs.Find("[data-test=channel-note]").TextContent.ShouldStartWith("A notification under the bell");

        Tick(dialogs, RohanId, on: false);
        dialogs.WaitForAssertion(() => Channels(dialogs).ShouldBe(["E-mail", "SMS", "WhatsApp", "Push notification", "In the app"]));

        // Kavya is invited, without an account yet: nothing in the app for her.
        Tick(dialogs, KavyaId, on: true);
        dialogs.WaitForAssertion(() => Channels(dialogs).ShouldBe(["E-mail", "SMS", "WhatsApp"]));
        dialogs.Find("[data-test=channel-note]").TextContent.ShouldContain("An e-mail with your subject and message");
        dialogs.Find("[data-test=send-message]").TextContent.ShouldBe("Send to 2 people");

        // A channel the planner picked stays as long as everyone chosen can receive it.
        ChooseChannel(dialogs, "SMS");
        Tick(dialogs, PriyaId, on: false);
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=send-message]").TextContent.ShouldBe("Send"));
        dialogs.Find("[data-test=channel-note]").TextContent.ShouldStartWith("A text message");
    }

    [Fact]
    public async Task SMS_and_WhatsApp_show_the_quota_left_today_ask_for_a_number_and_stop_when_the_day_is_used_up()
    {
        Api.Returns(MessagesApi.Routes.Settings, Quota(smsSent: 3, whatsAppSent: 200));
        var (dialogs, _) = await OpenAsync();
        Tick(dialogs, RohanId, on: false);
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=channel-note]").TextContent.ShouldStartWith("An e-mail", Case.Sensitive, "Priya alone has an address"));
        dialogs.FindAll("[data-test=quota]").ShouldBeEmpty("no quota for the free channels");

        ChooseChannel(dialogs, "SMS");
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=quota-left]").TextContent.ShouldContain("197 of your studio's 200 SMS messages for today are left; this uses 1."));
        dialogs.Find("#message-phone-" + PriyaId).ShouldNotBeNull();
        dialogs.FindAll("#message-subject").ShouldBeEmpty("an SMS has no subject");
        dialogs.Find("[data-test=send-message]").HasAttribute("disabled").ShouldBeFalse();

        ChooseChannel(dialogs, "WhatsApp");
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=quota-left]").TextContent.ShouldContain("Your studio has used all 200 WhatsApp messages for today."));
        dialogs.Find("[data-test=channel-note]").TextContent.ShouldContain("approved “note” template");
        dialogs.Find("[data-test=send-message]").HasAttribute("disabled").ShouldBeTrue();
        Api.Requests.ShouldNotContain(r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task Nothing_is_sent_until_there_is_a_subject_a_text_and_a_number_for_each_SMS()
    {
        Api.Returns(MessagesApi.Routes.Settings, Quota());
        var (dialogs, _) = await OpenAsync();

        Tick(dialogs, RohanId, on: false);
        Tick(dialogs, PriyaId, on: false);
        dialogs.Find("[data-test=send-message]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=recipients-error]").TextContent.ShouldBe("Choose at least one person to write to."));

        Tick(dialogs, PriyaId, on: true);
        dialogs.Find("[data-test=send-message]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=message-dialog]").TextContent.ShouldContain("Give the message a subject."));
        dialogs.Find("[data-test=message-dialog]").TextContent.ShouldContain("Write your message.");

        ChooseChannel(dialogs, "SMS");
        dialogs.Find("#message-text").Input("See you at 3 pm.");
        dialogs.Find("[data-test=send-message]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=message-dialog]").TextContent.ShouldContain("Give Priya Sharma's mobile number."));
        Api.Requests.ShouldNotContain(r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task An_email_to_the_couple_is_queued_with_the_note_template_the_wedding_and_an_idempotency_key_and_the_dialog_closes()
    {
        Api.Returns(MessagesApi.Routes.Settings, Quota());
        Api.Returns(MessagesApi.Routes.Messages, Queued(MessageChannel.Email, "priya@example.com", "Priya Sharma"), "POST");
        var (dialogs, result) = await OpenAsync();
        Tick(dialogs, RohanId, on: false);

        dialogs.Find("#message-subject").Input("Mehendi timing");
        dialogs.Find("#message-text").Input("The artists arrive at 3 pm.\nBring your playlist!");
        dialogs.Find("[data-test=send-message]").Click();

        dialogs.WaitForAssertion(() => result.IsCompleted.ShouldBeTrue());
        var closed = (await result)!;
        closed.Canceled.ShouldBeFalse();
        closed.Data.ShouldBeAssignableTo<IReadOnlyList<MessageResponse>>().ShouldNotBeNull().ShouldHaveSingleItem().RecipientName.ShouldBe("Priya Sharma");
        var post = Api.Requests.Single(r => r.Method == HttpMethod.Post);
        post.Headers.GetValues("Idempotency-Key").Single().ShouldStartWith("note-");
        var sent = JsonSerializer.Deserialize<SendMessageRequest>(Api.RequestBodies.Single(), ApiJson.Options)!;
        (sent.Channel, sent.Recipient, sent.RecipientName, sent.TemplateKey, sent.Language, sent.WeddingId)
            .ShouldBe((MessageChannel.Email, "priya@example.com", "Priya Sharma", "note", "en", WeddingId));
        sent.Variables.ShouldNotBeNull().OrderBy(v => v.Key).Select(v => $"{v.Key}={v.Value}")
            .ShouldBe(["subject=Mehendi timing", "text=The artists arrive at 3 pm.\nBring your playlist!"]);
    }

    [Fact]
    public async Task WhatsApp_sends_each_value_on_one_line_to_the_typed_number()
    {
        Api.Returns(MessagesApi.Routes.Settings, Quota());
        Api.Returns(MessagesApi.Routes.Messages, Queued(MessageChannel.WhatsApp, "+919876543210", "Priya Sharma"), "POST");
        var (dialogs, result) = await OpenAsync();
        Tick(dialogs, RohanId, on: false);
        ChooseChannel(dialogs, "WhatsApp");

        dialogs.Find("#message-phone-" + PriyaId).Input("98765 43210");
        dialogs.Find("#message-subject").Input("Mehendi");
        dialogs.Find("#message-text").Input("The artists arrive at 3 pm.\n\nBring your   playlist!");
        dialogs.Find("[data-test=send-message]").Click();

        dialogs.WaitForAssertion(() => result.IsCompleted.ShouldBeTrue());
        var sent = JsonSerializer.Deserialize<SendMessageRequest>(Api.RequestBodies.Single(), ApiJson.Options)!;
        (sent.Channel, sent.Recipient).ShouldBe((MessageChannel.WhatsApp, "98765 43210"));
        sent.Variables!["text"].ShouldBe("The artists arrive at 3 pm. Bring your playlist!");
    }

    [Fact]
    public async Task The_servers_field_error_shows_at_the_number_and_a_used_up_quota_is_told_kindly_and_the_retry_reuses_its_key()
    {
        Api.Returns(MessagesApi.Routes.Settings, Quota());
        Api.ReturnsProblem(MessagesApi.Routes.Messages, HttpStatusCode.BadRequest, "Validation failed",
            new Dictionary<string, string[]> { ["recipient"] = ["This is not a phone number we can send to."] }, method: "POST");
        var (dialogs, result) = await OpenAsync();
        Tick(dialogs, RohanId, on: false);
        ChooseChannel(dialogs, "SMS");
        dialogs.Find("#message-phone-" + PriyaId).Input("12345");
        dialogs.Find("#message-text").Input("See you at 3 pm.");
        dialogs.Find("[data-test=send-message]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=message-dialog]").TextContent.ShouldContain("This is not a phone number we can send to."));
        dialogs.FindAll("[data-test=problem]").ShouldBeEmpty("the error is at its field");

        dialogs.Find("#message-phone-" + PriyaId).Input("98765 43210");
        Api.Answers(MessagesApi.Routes.Messages, _ => HttpStatusCode.TooManyRequests, "POST");
        dialogs.Find("[data-test=send-message]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=quota-reached]").TextContent.ShouldContain("Today's SMS messages are used up."));
        dialogs.Find("[data-test=quota-reached]").TextContent.ShouldContain("Send it by e-mail or in the app instead");
        result.IsCompleted.ShouldBeFalse();

        Api.Returns(MessagesApi.Routes.Messages, Queued(MessageChannel.Sms, "+919876543210", "Priya Sharma"), "POST");
        dialogs.Find("[data-test=send-message]").Click();
        dialogs.WaitForAssertion(() => result.IsCompleted.ShouldBeTrue());
        var keys = Api.Requests.Where(r => r.Method == HttpMethod.Post).Select(r => r.Headers.GetValues("Idempotency-Key").Single()).ToList();
        keys.Count.ShouldBe(3);
        keys[0].ShouldNotBe(keys[1], "another number is another message");
        keys[2].ShouldBe(keys[1], "the same message again");
    }
}
