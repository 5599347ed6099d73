using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Identity;
using WedTech.App.Features.Messaging;
using WedTech.App.Features.Messaging.Components;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;
using static WedTech.App.Tests.Infrastructure.WeddingPeople;

namespace WedTech.App.Tests;

public class MessagesCardTests : AppTestContext
{
    private static readonly string ListUrl = $"/api/v1/messages?weddingId={WeddingId}&pageSize=20";

    private static readonly IReadOnlyList<TeamMemberResponse> Team = [Priya, Kavya];

    private static PagedResponse<MessageResponse> Page(params MessageResponse[] messages) => new(messages, 1, 20, messages.Length);

    private IRenderedComponent<MessagesCard> RenderCard() =>
        Render<MessagesCard>(p => p.Add(c => c.WeddingId, WeddingId).Add(c => c.WeddingTeam, Team));

    [Fact]
    public async Task A_planner_sees_each_message_with_its_channel_recipient_state_in_words_and_when()
    {
        await SignInAsAsync(Role.Planner);
        var at = new DateTimeOffset(2026, 11, 24, 14, 5, 0, TimeSpan.FromHours(5.5));
        Api.Returns(ListUrl, Page(
            Message(MessageChannel.Sms, "+919876543210", "Priya Sharma", MessageStatus.Delivered, null, "See you at 3 pm.\n\n— Shaadi Studio", at),
            Message(MessageChannel.InApp, KavyaId.ToString(), null, MessageStatus.Read, "Mehendi timing", "The artists arrive at 3 pm.", at),
            Message(MessageChannel.Push, PriyaId.ToString(), "Priya Sharma", MessageStatus.Failed, "Reminder", "Sangeet tonight", at, "no push subscription"),
            Message(MessageChannel.Email, "priya@example.com", "Priya Sharma", MessageStatus.Queued, "Your programme", "Attached.", at)));

        var card = RenderCard();

        card.WaitForAssertion(() => card.FindAll("[data-test=message]").Count.ShouldBe(4));
        var rows = card.FindAll("[data-test=message]");
        rows[0].QuerySelector("[data-test=message-to]")!.TextContent.ShouldBe("Priya Sharma");
        rows[0].QuerySelector("[data-test=message-status]")!.TextContent.ShouldBe("Delivered");
        rows[0].QuerySelector("[data-test=message-what]")!.TextContent.ShouldBe("See you at 3 pm.");
        rows[0].QuerySelector("[data-test=message-meta]")!.TextContent.ShouldStartWith("SMS · 24 Nov 2026, ");
        rows[1].QuerySelector("[data-test=message-to]")!.TextContent.ShouldBe("Kavya Reddy", "named from the team when the message has no name");
        rows[1].QuerySelector("[data-test=message-meta]")!.TextContent.ShouldStartWith("In the app · ");
        rows[2].QuerySelector("[data-test=message-status]")!.TextContent.ShouldBe("Not sent");
        rows[2].QuerySelector("[data-test=message-why]")!.TextContent.ShouldBe("They have not turned on notifications on any device.");
        rows[3].QuerySelector("[data-test=message-status]")!.TextContent.ShouldBe("Waiting to be sent");
        card.Markup.ShouldNotContain("+919876543210");
        card.Find("[data-test=write-message]").TextContent.ShouldBe("Write a message");
    }

    [Theory]
    [InlineData(Role.Coordinator)]
    [InlineData(Role.Client)]
    public async Task Those_who_may_not_send_messages_see_no_card_and_ask_for_no_outbox(Role role)
    {
        await SignInAsAsync(role);

        var card = RenderCard();

        card.Markup.Trim().ShouldBeEmpty();
        Api.Requests.ShouldNotContain(r => r.RequestUri!.AbsolutePath.StartsWith("/api/v1/messag", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writing_to_the_couple_from_the_card_queues_it_says_so_and_lists_it()
    {
        await SignInAsAsync(Role.Planner);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        Api.Returns(ListUrl, Page());
        Api.Returns(IdentityApi.Routes.Users, new PagedResponse<UserResponse>([PriyaAccount], 1, 100, 1));
        Api.Returns(MessagesApi.Routes.Settings, new MessagingSettingsResponse(SmsProvider.Twilio, 200, 200, 0, 0, 1));
        var queued = Message(MessageChannel.Email, "priya@example.com", "Priya Sharma", MessageStatus.Queued, "Mehendi timing", "The artists arrive at 3 pm.", DateTimeOffset.Now);
        Api.Returns(MessagesApi.Routes.Messages, queued, "POST");
        var card = RenderCard();
        card.WaitForAssertion(() => card.Find("[data-test=no-messages]"));

        card.Find("[data-test=write-message]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=recipients]"));
        dialogs.Find("#message-subject").Input("Mehendi timing");
        dialogs.Find("#message-text").Input("The artists arrive at 3 pm.");
        Api.Returns(ListUrl, Page(queued));
        dialogs.Find("[data-test=send-message]").Click();

        card.WaitForAssertion(() => card.Find("[data-test=message-to]").TextContent.ShouldBe("Priya Sharma"));
        Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message).ShouldContain("Your message to Priya Sharma is on its way by e-mail.");
        dialogs.FindAll("[data-test=message-dialog]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_message_delivered_or_read_shows_without_a_reload_and_other_weddings_news_asks_nothing()
    {
        await SignInAsAsync(Role.Planner);
        var at = new DateTimeOffset(2026, 11, 24, 14, 5, 0, TimeSpan.FromHours(5.5));
        var sent = Message(MessageChannel.WhatsApp, "+919876543210", "Priya Sharma", MessageStatus.Sent, null, "See you at 3 pm.", at);
        Api.Returns(ListUrl, Page(sent));
        var card = RenderCard();
        card.WaitForAssertion(() => card.Find("[data-test=message-status]").TextContent.ShouldBe("Sent"));
        var live = Services.GetRequiredService<WedTech.App.Features.Realtime.LiveUpdates>();
        int Fetches() => Api.Requests.Count(r => r.RequestUri!.PathAndQuery == ListUrl);
        var fetched = Fetches();

        live.Deliver(new WeddingChangedMessage(Guid.NewGuid(), WeddingChange.MessagesChanged, 1));
        live.Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.RunOfShowChanged, 2));
        Fetches().ShouldBe(fetched);

        Api.Returns(ListUrl, Page(sent with { Status = MessageStatus.Read }));
        live.Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.MessagesChanged, 3));

        card.WaitForAssertion(() => card.Find("[data-test=message-status]").TextContent.ShouldBe("Read"));
        Fetches().ShouldBe(fetched + 1);
    }
}
