using System.Net;
using System.Text.Json;
using Bunit;
using Shouldly;
using WedTech.App.Features.Messaging.Components;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class PushSwitchTests : AppTestContext
{
    private const string Endpoint = "https://fcm.googleapis.com/fcm/send/dGVzdA";
    private const string Key = "BOrPOCiDUWxfBUk5XH1Z7Z9G5oB1aDq0Yvw0Ys0O2dJHqk5zjf0y3oq6y7XcW9zY0K1KqWfbqH3l8z9Xq8Ck5pE";
    private static readonly PushSubscriptionRequest Subscription = new(Endpoint, new("BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM", "tBHItJI5svbpez7KI4CCXg"));

    public PushSwitchTests() => Api.Returns("/api/v1/push/public-key", new PushPublicKeyResponse(Key));

    private IRenderedComponent<PushSwitch> RenderSwitch() => Render<PushSwitch>();

    [Fact]
    public void Nothing_shows_where_the_browser_cannot_push()
    {
        JSInterop.Setup<string?>("wedtech.push.state").SetResult("unsupported");
        RenderSwitch().Markup.Trim().ShouldBeEmpty();
    }

    [Fact]
    public void Turning_it_on_subscribes_with_the_servers_key_and_registers_the_browser()
    {
        var state = JSInterop.Setup<string?>("wedtech.push.state");
        state.SetResult("off");
        JSInterop.Setup<PushSubscriptionRequest?>("wedtech.push.subscribe", Key).SetResult(Subscription);
        Api.Returns("/api/v1/push/subscriptions", new PushSubscriptionResponse(Guid.NewGuid(), Endpoint, DateTimeOffset.UnixEpoch, null), "POST");
        var push = RenderSwitch();
        push.Find("input[data-test=push-switch]").GetAttribute("aria-checked").ShouldBe("false");

        state.SetResult("on");
        push.Find("input[data-test=push-switch]").Change(true);

        push.WaitForAssertion(() => Api.Requests.ShouldContain(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath == "/api/v1/push/subscriptions"));
        var sent = JsonSerializer.Deserialize<PushSubscriptionRequest>(Api.RequestBodies.Single(), ApiJson.Options)!;
        sent.Endpoint.ShouldBe(Endpoint);
        sent.Keys.ShouldBe(Subscription.Keys);
        push.WaitForAssertion(() => push.Find("input[data-test=push-switch]").GetAttribute("aria-checked").ShouldBe("true"));
    }

    [Fact]
    public void A_refused_permission_registers_nothing()
    {
        JSInterop.Setup<string?>("wedtech.push.state").SetResult("off");
        JSInterop.Setup<PushSubscriptionRequest?>("wedtech.push.subscribe", Key).SetResult(null);
        var push = RenderSwitch();

        push.Find("input[data-test=push-switch]").Change(true);

        push.WaitForAssertion(() => JSInterop.Invocations.ShouldContain(i => i.Identifier == "wedtech.push.subscribe"));
        Api.Requests.ShouldNotContain(r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public void Turning_it_off_takes_the_browser_off_the_server_then_unsubscribes()
    {
        var state = JSInterop.Setup<string?>("wedtech.push.state");
        state.SetResult("on");
        JSInterop.Setup<string?>("wedtech.push.endpoint").SetResult(Endpoint);
        JSInterop.Setup<string?>("wedtech.push.unsubscribe").SetResult(Endpoint);
        var delete = $"/api/v1/push/subscriptions?endpoint={Uri.EscapeDataString(Endpoint)}";
        Api.Returns(delete, HttpStatusCode.NoContent, "DELETE");
        var push = RenderSwitch();

        state.SetResult("off");
        push.Find("input[data-test=push-switch]").Change(false);

        push.WaitForAssertion(() => JSInterop.Invocations.ShouldContain(i => i.Identifier == "wedtech.push.unsubscribe"));
        Api.Requests.ShouldContain(r => r.Method == HttpMethod.Delete && r.RequestUri!.PathAndQuery == delete);
    }

    [Fact]
    public void Blocked_notifications_say_where_to_allow_them()
    {
        JSInterop.Setup<string?>("wedtech.push.state").SetResult("blocked");
        var push = RenderSwitch();
        push.Find("input[data-test=push-switch]").HasAttribute("disabled").ShouldBeTrue();
        push.Markup.ShouldContain("blocked for this site");
    }
}
