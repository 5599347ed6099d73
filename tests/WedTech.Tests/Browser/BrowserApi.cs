using System.Net;
using Shouldly;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests.Browser;

/// <summary>A studio set up through the real HTTP API of the browser tests' server, to test what people see of it.</summary>
public sealed class BrowserApi(Studio studio, HttpClient admin) : IDisposable
{
    public string Slug => studio.Slug;
    public string AdminEmail => studio.AdminEmail;

    public static async Task<BrowserApi> SignUpAsync(BrowserServer server)
    {
        var studio = await Studio.CreateAsync(server, Studio.NewSlug("ui"));
        return new BrowserApi(studio, await studio.AdminAsync());
    }

    /// <summary>Adds someone to the studio, active with <see cref="Studio.Password"/> (see <see cref="Studio.AddMemberAsync"/>).</summary>
    public async Task<Member> AddPersonAsync(Role role, string name)
    {
        var member = await studio.AddMemberAsync(role, admin, name);
        member.Client.Dispose();
        return member;
    }

    public async Task<WeddingResponse> CreateWeddingAsync(string title, string bride, string groom, DateOnly date, params TeamAssignment[] team) =>
        await (await admin.PostJsonAsync("/api/v1/weddings",
            new WeddingRequest(title, bride, groom, date, "Jaipur", WeddingStatus.Booked, 25_00_000_00, 300, "Staff-only note", team)))
            .ReadAsync<WeddingResponse>(HttpStatusCode.Created);

    public async Task RenameWeddingAsync(WeddingResponse wedding, string title) =>
        (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}", new WeddingRequest(title, wedding.BrideName, wedding.GroomName, wedding.PrimaryDate,
            wedding.City, wedding.Status, wedding.EstimatedBudgetPaise, wedding.GuestCountEstimate, wedding.Notes, []), ifMatch: "*"))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

    /// <summary>Reads what the API says, as the studio's admin.</summary>
    public Task<T> GetAsync<T>(string url) => admin.GetAsync<T>(url);

    public async Task<EventResponse> AddEventAsync(Guid weddingId, EventRequest request) =>
        await (await admin.PostJsonAsync($"/api/v1/weddings/{weddingId}/events", request)).ReadAsync<EventResponse>(HttpStatusCode.Created);

    /// <summary>Adds a household to the wedding's guest list and invites it to events with places.</summary>
    public async Task<HouseholdResponse> AddHouseholdAsync(Guid weddingId, HouseholdRequest request, params InvitationRequest[] invitations)
    {
        var household = await (await admin.PostJsonAsync($"/api/v1/weddings/{weddingId}/households", request)).ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
        return invitations.Length == 0 ? household
            : await (await admin.PutJsonAsync($"/api/v1/weddings/{weddingId}/households/{household.Id}/invitations", new InvitationsRequest(invitations), $"\"{household.Version}\""))
                .ReadAsync<HouseholdResponse>();
    }

    public async Task AnswerAsync(Guid weddingId, Guid householdId, Guid eventId, RsvpRequest answer) =>
        (await admin.PostJsonAsync($"/api/v1/weddings/{weddingId}/households/{householdId}/invitations/{eventId}/answer", answer)).StatusCode.ShouldBe(HttpStatusCode.OK);

    /// <summary>The household's personal RSVP link, as the studio sends it.</summary>
    public async Task<string> RsvpLinkAsync(Guid weddingId, Guid householdId) =>
        (await (await admin.PostJsonAsync<object?>($"/api/v1/weddings/{weddingId}/households/{householdId}/rsvp-link", null)).ReadAsync<RsvpLinkResponse>()).Url;

    /// <summary>Adds what a POST makes (a vehicle, an arrival, a trip), as the studio's admin.</summary>
    public async Task<T> AddAsync<TRequest, T>(string url, TRequest request) => await (await admin.PostJsonAsync(url, request)).ReadAsync<T>(HttpStatusCode.Created);

    /// <summary>Posts an action that answers 200 with what it did (a day link sent), as the studio's admin.</summary>
    public async Task<T> SendAsync<TRequest, T>(string url, TRequest request) => await (await admin.PostJsonAsync(url, request)).ReadAsync<T>();

    /// <summary>Gives the studio a GSTIN and billing details, and the Razorpay account when one is given (<see cref="Billing.ReadyAsync"/>).</summary>
    public Task<BillingSettingsResponse> ReadyToBillAsync(RazorpayStandInAccount? razorpay = null) => Billing.ReadyAsync(admin, razorpay: razorpay);

    /// <summary>Puts a whole record (a payment plan) with its If-Match version, as the studio's admin.</summary>
    public async Task<T> PutAsync<TRequest, T>(string url, TRequest request, long version) => await (await admin.PutJsonAsync(url, request, $"\"{version}\"")).ReadAsync<T>();

    public void Dispose() => admin.Dispose();
}
