using System.Net;
using Shouldly;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// Two nodes of the at-scale configuration share Redis: a write on one drops the other's cached copies at
/// once (HybridCache alone would keep them for up to 30 s on the other node).
/// </summary>
public sealed class CacheAcrossNodesTests(PostgresServer server) : ProviderTests(server)
{
    [Fact]
    public async Task A_user_disabled_on_one_node_is_refused_by_the_other_at_once_and_lists_follow_writes()
    {
        var secondNode = Server.Sibling();
        await secondNode.InitializeAsync();
        try
        {
            var studio = await NewStudioAsync();
            using var admin = await studio.AdminAsync();
            var planner = await studio.AddMemberAsync(Role.Planner, admin);
            using var plannerOnSecond = secondNode.CreateClient();
            plannerOnSecond.DefaultRequestHeaders.Add("X-Tenant", studio.Slug);
            plannerOnSecond.UseBearer(planner.Tokens.AccessToken);

            // The second node caches the planner and the (empty) wedding list.
            (await plannerOnSecond.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).Items.ShouldBeEmpty();

            await admin.CreateWeddingAsync("Anjali & Dev");
            (await EventuallyAsync(async () => (await plannerOnSecond.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).Items.Count == 1))
                .ShouldBeTrue("the second node still served its cached list after a write on the first");

            (await admin.PostAsync($"/api/v1/users/{planner.Id}/disable", null, Cancel)).EnsureSuccessStatusCode();
            (await EventuallyAsync(async () => (await plannerOnSecond.GetAsync("/api/v1/weddings", Cancel)).StatusCode == HttpStatusCode.Unauthorized))
                .ShouldBeTrue("the second node still let a disabled user in");
        }
        finally
        {
            await secondNode.DisposeAsync();
        }
    }

    /// <summary>Within 3 s: Redis delivers in milliseconds; the nodes' own copies would live 30 s.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 30; i++)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(100, Cancel);
        }
        return false;
    }
}
