using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Vendors;
using WedTech.App.Features.Vendors.Components;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.VendorSamples;

namespace WedTech.App.Tests;

public class VendorDialogTests : AppTestContext
{
    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, Task<DialogResult?> Result)> OpenAsync(Role role, VendorResponse? vendor)
    {
        await SignInAsAsync(role);
        Api.Returns(VendorsApi.Routes.Categories, new VendorCategoriesResponse([.. VendorLimits.Categories, "Ghodi"]));
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<VendorDialog> { { d => d.Vendor, vendor } };
        var reference = await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<VendorDialog>("Vendor", parameters));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=vendor-form]"));
        return (dialogs, reference.Result);
    }

    [Fact]
    public async Task A_mistyped_GSTIN_or_IFSC_is_caught_before_anything_is_sent()
    {
        var (dialogs, _) = await OpenAsync(Role.Planner, null);

        dialogs.Find("#vendor-name").Change("Sharma Caterers");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=category-choice][data-category=Caterer]").Click());
        dialogs.Find("#vendor-gstin").Change("08ABCDE1234F1Z6");
        dialogs.Find("#bank-account").Change("50100012345678");
        dialogs.Find("#bank-ifsc").Change("HDFC1234567");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-vendor]").Click());

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("This GSTIN's last character does not match the rest: a character is mistyped."));
        dialogs.Markup.ShouldContain("An IFSC is 4 letters, a zero and 6 letters or digits, as HDFC0001234.");
        Api.Requests.ShouldNotContain(r => r.Method != HttpMethod.Get);
    }

    [Fact]
    public async Task A_good_GSTIN_fills_in_the_state_and_PAN_and_a_new_vendor_goes_with_its_categories_and_bank()
    {
        var (dialogs, result) = await OpenAsync(Role.Planner, null);
        Api.Returns(VendorsApi.Routes.Vendors, Caterer(), "POST");

        dialogs.Find("#vendor-name").Change("Sharma Caterers");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=category-choice][data-category=Caterer]").Click());
        dialogs.Find("#vendor-new-category").Input("Ghodi wale");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=add-category]").Click());
        dialogs.Find("#vendor-gstin").Change("08abcde1234f1z0");
        dialogs.WaitForAssertion(() => dialogs.Find("#vendor-pan").GetAttribute("value").ShouldBe("ABCDE1234F"));
        dialogs.Find("[data-test=bank-note]").TextContent.ShouldContain("the studio's admins are told of it");
        dialogs.Find("#bank-account").Change("50100012345678");
        dialogs.Find("#bank-ifsc").Change("hdfc0001234");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-vendor]").Click());

        (await result.WaitAsync(TimeSpan.FromSeconds(15), Cancel))!.Data.ShouldBeOfType<VendorResponse>().Name.ShouldBe("Sharma Caterers");
        var sent = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        sent.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ShouldBe(["Caterer", "Ghodi wale"]);
        sent.GetProperty("gstin").GetString().ShouldBe("08ABCDE1234F1Z0");
        sent.GetProperty("pan").GetString().ShouldBe("ABCDE1234F");
        sent.GetProperty("stateCode").GetString().ShouldBe("08");
        sent.GetProperty("bank").GetProperty("accountNumber").GetString().ShouldBe("50100012345678");
        sent.GetProperty("bank").GetProperty("ifsc").GetString().ShouldBe("HDFC0001234");
    }

    [Fact]
    public async Task The_servers_field_errors_show_under_their_fields()
    {
        var (dialogs, result) = await OpenAsync(Role.Planner, null);
        Api.ReturnsProblem(VendorsApi.Routes.Vendors, HttpStatusCode.BadRequest, "Some fields need attention",
            new Dictionary<string, string[]> { ["contacts[0].phone"] = ["Give a mobile number with its country code, as +91 98765 43210."] }, "POST");

        dialogs.Find("#vendor-name").Change("Dhol Brothers");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=category-choice][data-category=Dhol]").Click());
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=add-contact]").Click());
        dialogs.Find("#contact-name-0").Change("Pappu");
        dialogs.Find("#contact-phone-0").Change("12345");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-vendor]").Click());

        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=vendor-contact]").TextContent.ShouldContain("Give a mobile number with its country code"));
        result.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task A_planner_sees_the_stored_bank_details_masked_and_leaves_changing_them_to_an_admin()
    {
        var (dialogs, _) = await OpenAsync(Role.Planner, Caterer());

        dialogs.Find("[data-test=bank-masked]").TextContent.ShouldContain("HDFC0001234 · ••••5678");
        dialogs.Find("[data-test=bank-admin-only]").TextContent.ShouldBe("Only an admin can change a vendor's bank details.");
        dialogs.FindAll("#bank-account").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_admin_typing_new_bank_details_replaces_them_and_leaving_them_empty_keeps_them()
    {
        var (dialogs, result) = await OpenAsync(Role.Admin, Caterer());
        Api.Returns(VendorsApi.Routes.Vendor(CatererId), Caterer(version: 4), "PUT");

        dialogs.Find("[data-test=bank-note]").TextContent.ShouldContain("Typing new details replaces the ones above");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-vendor]").Click());

        (await result.WaitAsync(TimeSpan.FromSeconds(15), Cancel))!.Data.ShouldBeOfType<VendorResponse>().Version.ShouldBe(4);
        Api.Requests.Single(r => r.Method == HttpMethod.Put).Headers.IfMatch.Single().Tag.ShouldBe("\"3\"");
        var sent = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        (sent.TryGetProperty("bank", out var bank) ? bank.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null);
        sent.GetProperty("rating").GetInt32().ShouldBe(4);
    }
}
