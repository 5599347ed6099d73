using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WedTech.App.Platform;
using WedTech.App.Tests.Infrastructure;

namespace WedTech.App.Tests;

public class SessionRenewalTests : AppTestContext
{
    private SessionRenewal Renewal => Services.GetRequiredService<SessionRenewal>();

    [Fact]
    public async Task Every_open_form_keeps_its_work_before_the_page_is_left()
    {
        var navigationsSeenByForms = new List<int>();
        Renewal.BeforeLeaving(() => { navigationsSeenByForms.Add(Navigation.History.Count); return Task.CompletedTask; });
        Renewal.BeforeLeaving(async () => { await Task.Yield(); navigationsSeenByForms.Add(Navigation.History.Count); });

        await Renewal.SessionEndedAsync();

        navigationsSeenByForms.ShouldBe([0, 0]);
        Navigation.History.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_sign_in_page_brings_the_person_back_to_the_same_address()
    {
        Navigation.NavigateTo("weddings?q=Ananya%20%26%20Vikram&page=2");

        await Renewal.SessionEndedAsync();

        var signIn = Navigation.History.First();
        signIn.Uri.ShouldBe("/login?ended=true&returnUrl=%2Fweddings%3Fq%3DAnanya%2520%2526%2520Vikram%26page%3D2");
        signIn.Options.ForceLoad.ShouldBeTrue();
    }

    [Fact]
    public async Task A_session_ends_only_once_however_many_calls_find_it_gone()
    {
        var kept = 0;
        Renewal.BeforeLeaving(() => { kept++; return Task.CompletedTask; });

        await Renewal.SessionEndedAsync();
        await Renewal.SessionEndedAsync();

        kept.ShouldBe(1);
        Navigation.History.Count(h => h.Uri.StartsWith("/login", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Unregistered_work_is_not_done()
    {
        var kept = false;
        var registration = Renewal.BeforeLeaving(() => { kept = true; return Task.CompletedTask; });
        registration.Dispose();

        await Renewal.SessionEndedAsync();

        kept.ShouldBeFalse();
    }
}
