using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WedTech.App.Platform;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class ApiClientTests : AppTestContext
{
    private ApiClient Client => Services.GetRequiredService<ApiClient>();

    private static WeddingRequest Wedding() => new("Ananya & Vikram", "Ananya", "Vikram", new DateOnly(2026, 11, 24), null, WeddingStatus.InProgress, null, null, null, []);

    [Fact]
    public async Task Every_request_carries_the_anti_forgery_header()
    {
        Api.Returns("/api/v1/me", MeAs(Role.Admin));

        await Client.GetAsync<MeResponse>("/api/v1/me", Cancel);

        Api.Requests.ShouldHaveSingleItem().Headers.GetValues(ApiClient.CsrfHeader).ShouldBe(["1"]);
    }

    [Fact]
    public async Task Answers_are_read_in_the_APIs_json_conventions()
    {
        Api.Returns("/api/v1/me", MeAs(Role.Coordinator));

        var me = await Client.GetAsync<MeResponse>("/api/v1/me", Cancel);

        me.Role.ShouldBe(Role.Coordinator);
        me.Permissions.ShouldBe(Permissions.ByRole[Role.Coordinator], ignoreOrder: true);
    }

    [Fact]
    public async Task Views_worth_having_offline_are_kept_per_user_and_one_off_searches_are_not()
    {
        await SignInAsAsync(Role.Planner);
        var page = new PagedResponse<WeddingSummaryResponse>([], 1, 20, 0);
        Api.Returns("/api/v1/weddings?page=1&pageSize=20", page);
        Api.Returns("/api/v1/weddings?page=1&pageSize=20&q=priya", page);

        await Client.GetWithOfflineCopyAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings?page=1&pageSize=20", cancellationToken: Cancel);
        await Client.GetWithOfflineCopyAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings?page=1&pageSize=20&q=priya", keepCopy: false, Cancel);

        var kept = JSInterop.Invocations["wedtech.storage.set"]
            .Where(i => (string?)i.Arguments[0] == "localStorage" && ((string)i.Arguments[1]!).StartsWith(OfflineCopies.Prefix, StringComparison.Ordinal))
            .Select(i => (string)i.Arguments[1]!).ToList();
        kept.ShouldHaveSingleItem().ShouldEndWith(":11111111-1111-7111-8111-111111111111:/api/v1/weddings?page=1&pageSize=20");
    }

    [Fact]
    public async Task The_copy_kept_is_the_answer_as_it_came_and_reads_back_the_same_when_the_API_is_unreachable()
    {
        var me = await SignInAsAsync(Role.Planner);
        const string url = "/api/v1/weddings?page=1&pageSize=20";
        var wedding = new WeddingSummaryResponse(Guid.CreateVersion7(), "प्रिया & Rahul \"Raju\"", "प्रिया", "Rahul", new DateOnly(2027, 2, 14), "जयपुर",
            WeddingStatus.InProgress, 300, 7);
        var page = new PagedResponse<WeddingSummaryResponse>([wedding], 1, 20, 1);
        Api.Returns(url, page);

        var fresh = await Client.GetWithOfflineCopyAsync<PagedResponse<WeddingSummaryResponse>>(url, cancellationToken: Cancel);
        var key = $"{OfflineCopies.Prefix}{me.TenantId}:{me.Id}:{url}";
        var kept = (string)JSInterop.Invocations["wedtech.storage.set"].Single(i => (string?)i.Arguments[1] == key).Arguments[2]!;
        Api.Unreachable(url);
        JSInterop.Setup<string?>("wedtech.storage.get", "localStorage", key).SetResult(kept);
        var copy = await Client.GetWithOfflineCopyAsync<PagedResponse<WeddingSummaryResponse>>(url, cancellationToken: Cancel);

        fresh.IsStale.ShouldBeFalse();
        copy.IsStale.ShouldBeTrue();
        copy.Value!.Items.ShouldBe([wedding]);
        copy.Value.TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_problem_document_becomes_a_problem_with_its_field_errors()
    {
        Api.ReturnsProblem("/api/v1/weddings", HttpStatusCode.BadRequest, "One or more validation errors occurred.",
            new Dictionary<string, string[]> { ["brideName"] = ["Enter the bride's name."] }, method: "POST");

        var problem = await Should.ThrowAsync<ApiProblemException>(() => Client.PostAsync<WeddingRequest, WeddingResponse>("/api/v1/weddings", Wedding(), Cancel));

        problem.Status.ShouldBe(400);
        problem.Title.ShouldBe("One or more validation errors occurred.");
        problem.For("brideName").ShouldBe("Enter the bride's name.");
        problem.Summary.ShouldBe("Some fields need attention.");
    }

    [Fact]
    public async Task Writes_are_refused_without_a_request_while_offline()
    {
        Services.GetRequiredService<Connectivity>().Unreachable();

        var problem = await Should.ThrowAsync<ApiProblemException>(() => Client.PostAsync<WeddingRequest, WeddingResponse>("/api/v1/weddings", Wedding(), Cancel));

        problem.Status.ShouldBe(ApiProblemException.Offline);
        problem.Summary.ShouldContain("this change was not saved");
        Api.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_401_that_the_session_renewal_fixes_is_retried_once_with_the_same_body()
    {
        JSInterop.Setup<bool>("wedtech.renewSession").SetResult(true);
        var calls = 0;
        Api.Answers("/api/v1/weddings", _ => ++calls == 1 ? HttpStatusCode.Unauthorized : HttpStatusCode.NoContent, method: "POST");

        await Client.PostAsync<WeddingRequest, WeddingResponse>("/api/v1/weddings", Wedding(), Cancel);

        calls.ShouldBe(2);
        Navigation.History.ShouldBeEmpty();
        Api.RequestBodies.Count.ShouldBe(2);
        Api.RequestBodies[1].ShouldBe(Api.RequestBodies[0]);
        Api.RequestBodies[1].ShouldContain("\"status\":\"in-progress\"");
    }
}
