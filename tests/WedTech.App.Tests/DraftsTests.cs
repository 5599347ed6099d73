using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Weddings.Components;
using WedTech.App.Platform;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

/// <summary>What was typed into a form survives a session that ends mid-edit.</summary>
public class DraftsTests : AppTestContext
{
    // Drafts are kept per tenant and user ("{tenant id}:{user id}" of MeAs).
    private const string Owner = "22222222-2222-7222-8222-222222222222:11111111-1111-7111-8111-111111111111";
    private const string DraftStorageKey = "wt:draft:" + Owner + ":wedding:new";

    private IRenderedComponent<WeddingForm> RenderNewWeddingForm(WeddingFormModel model, Action<WeddingFormModel>? restored = null)
    {
        Render<MudPopoverProvider>();
        return Render<WeddingForm>(parameters => parameters
            .Add(f => f.Model, model)
            .Add(f => f.DraftKey, "wedding:new")
            .Add(f => f.OnSubmit, (WeddingFormModel _) => { })
            .Add(f => f.ModelRestored, (WeddingFormModel m) => restored?.Invoke(m)));
    }

    /// <summary>The drafts written to this tab's session storage, as (key, JSON).</summary>
    private List<(string Key, string Json)> DraftsStored() =>
    [
        .. JSInterop.Invocations["wedtech.storage.set"]
            .Where(i => (string?)i.Arguments[0] == "sessionStorage")
            .Select(i => ((string)i.Arguments[1]!, (string)i.Arguments[2]!)),
    ];

    [Fact]
    public async Task When_the_session_ends_mid_edit_what_was_typed_is_kept_and_the_person_is_sent_to_sign_in()
    {
        await SignInAsAsync(Role.Planner);
        Navigation.NavigateTo("weddings/new");
        var form = RenderNewWeddingForm(new WeddingFormModel());
        form.Find("#wedding-title").Change("Ananya & Vikram");
        form.Find("#wedding-bride").Change("अनन्या");

        // The next call finds the session gone, and it cannot be renewed (wedtech.renewSession answers false).
        JSInterop.Setup<bool>("wedtech.renewSession").SetResult(false);
        Api.Returns("/api/v1/weddings", HttpStatusCode.Unauthorized, method: "POST");
        var api = Services.GetRequiredService<ApiClient>();
        var expired = await Should.ThrowAsync<ApiProblemException>(() =>
            api.PostAsync<WeddingRequest, WeddingResponse>("/api/v1/weddings", new WeddingFormModel().ToRequest(), Cancel));

        expired.Status.ShouldBe(401);
        JSInterop.Invocations["wedtech.renewSession"].Count.ShouldBe(1);
        var (key, json) = DraftsStored().ShouldHaveSingleItem();
        key.ShouldBe(DraftStorageKey);
        var draft = JsonSerializer.Deserialize<WeddingFormModel>(json, ApiJson.Options).ShouldNotBeNull();
        draft.Title.ShouldBe("Ananya & Vikram");
        draft.BrideName.ShouldBe("अनन्या");
        json.ShouldContain("\"status\":\"inquiry\"");

        var signIn = Navigation.History.First();
        signIn.Uri.ShouldBe("/login?ended=true&returnUrl=%2Fweddings%2Fnew");
        signIn.Options.ForceLoad.ShouldBeTrue();
    }

    [Fact]
    public async Task A_kept_draft_is_restored_into_the_form_once()
    {
        await SignInAsAsync(Role.Planner);
        var kept = new WeddingFormModel { Title = "Ananya & Vikram", BrideName = "Ananya", GroomName = "Vikram", Status = WeddingStatus.Booked, BudgetRupees = 850000m };
        JSInterop.Setup<string?>("wedtech.storage.get", "sessionStorage", DraftStorageKey).SetResult(JsonSerializer.Serialize(kept, ApiJson.Options));
        WeddingFormModel? restored = null;

        var form = RenderNewWeddingForm(new WeddingFormModel(), m => restored = m);

        form.WaitForElement("[data-test='draft-restored']");
        restored.ShouldNotBeNull();
        restored.Title.ShouldBe("Ananya & Vikram");
        restored.Status.ShouldBe(WeddingStatus.Booked);
        restored.BudgetRupees.ShouldBe(850000m);
        var removed = JSInterop.Invocations["wedtech.storage.remove"].ShouldHaveSingleItem();
        removed.Arguments.ShouldBe(["sessionStorage", DraftStorageKey]);
    }

    [Fact]
    public async Task Without_a_kept_draft_the_form_starts_as_given()
    {
        await SignInAsAsync(Role.Planner);
        var restoredCount = 0;

        var form = RenderNewWeddingForm(new WeddingFormModel(), _ => restoredCount++);

        form.FindAll("[data-test='draft-restored']").ShouldBeEmpty();
        restoredCount.ShouldBe(0);
        JSInterop.Invocations["wedtech.storage.remove"].ShouldBeEmpty();
    }

    [Fact]
    public async Task A_form_that_was_closed_keeps_no_draft()
    {
        await SignInAsAsync(Role.Planner);
        var model = new WeddingFormModel { Title = "Left behind" };
        RenderNewWeddingForm(model);
        await DisposeComponentsAsync();

        await Services.GetRequiredService<SessionRenewal>().SessionEndedAsync();

        DraftsStored().ShouldBeEmpty();
        Navigation.History.First().Uri.ShouldStartWith("/login?ended=true&returnUrl=");
    }

    [Fact]
    public async Task Drafts_live_in_this_tabs_session_storage_under_the_users_own_key()
    {
        var drafts = Services.GetRequiredService<Drafts>();
        await drafts.KeepAsync("wedding:0190a1b2", new WeddingFormModel { Title = "Before anyone signed in" });
        DraftsStored().ShouldBeEmpty();

        await SignInAsAsync(Role.Planner);
        await drafts.KeepAsync("wedding:0190a1b2", new WeddingFormModel { Title = "Kept" });

        var (key, json) = DraftsStored().ShouldHaveSingleItem();
        key.ShouldBe($"wt:draft:{Owner}:wedding:0190a1b2");
        JsonSerializer.Deserialize<WeddingFormModel>(json, ApiJson.Options).ShouldNotBeNull().Title.ShouldBe("Kept");
    }

    [Fact]
    public async Task Another_user_signing_in_on_the_same_tab_never_gets_the_first_users_draft()
    {
        await SignInAsAsync(Role.Planner);
        JSInterop.Setup<string?>("wedtech.storage.get", "sessionStorage", DraftStorageKey)
            .SetResult(JsonSerializer.Serialize(new WeddingFormModel { Title = "Planner's secret budget", BudgetRupees = 5_00_00_000m }, ApiJson.Options));
        Api.Returns("/api/v1/me", MeAs(Role.Admin) with { Id = Guid.Parse("33333333-3333-7333-8333-333333333333") });
        await Session.LoadAsync();
        WeddingFormModel? restored = null;

        var form = RenderNewWeddingForm(new WeddingFormModel(), m => restored = m);

        form.FindAll("[data-test='draft-restored']").ShouldBeEmpty();
        restored.ShouldBeNull();
    }

    [Fact]
    public async Task Signing_out_removes_every_draft_of_the_tab()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns("/api/v1/auth/session/logout", HttpStatusCode.NoContent, method: "POST");

        await Session.SignOutAsync();

        JSInterop.Invocations["wedtech.storage.removeAll"].ShouldContain(i => (string?)i.Arguments[0] == "sessionStorage" && (string?)i.Arguments[1] == Drafts.Prefix);
    }
}
