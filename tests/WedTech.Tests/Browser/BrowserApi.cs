using System.Net;
using System.Net.Http.Json;
using Shouldly;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests.Browser;

/// <summary>Sets up a studio through the real HTTP API of the browser tests' server, to test what people see of it.</summary>
public sealed class BrowserApi(BrowserServer server, string slug) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{server.Port}") };

    public string Slug { get; } = slug;
    public string AdminEmail => $"admin@{Slug}.example.com";

    public static async Task<BrowserApi> SignUpAsync(BrowserServer server)
    {
        var api = new BrowserApi(server, Studio.NewSlug("ui"));
        var created = await api._http.PostAsJsonAsync("/api/v1/tenants",
            new CreateTenantRequest("Mehndi Moments", api.Slug, "Asha Admin", api.AdminEmail, Studio.Password, TenantPlan.Starter), ApiJson.Options);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        api._http.DefaultRequestHeaders.Add("X-Tenant", api.Slug);
        var login = await api._http.PostAsJsonAsync("/api/v1/auth/login", new LoginRequest(api.AdminEmail, Studio.Password), ApiJson.Options);
        var tokens = (await login.Content.ReadFromJsonAsync<TokenResponse>(ApiJson.Options))!;
        api._http.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);
        return api;
    }

    /// <summary>Invites someone and accepts the e-mailed invitation with <see cref="Studio.Password"/>.</summary>
    public async Task<UserResponse> AddPersonAsync(Role role, string name)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@{Slug}.example.com"[..60];
        var invited = await _http.PostAsJsonAsync("/api/v1/users/invitations", new InviteUserRequest(email, name, role), ApiJson.Options);
        invited.StatusCode.ShouldBe(HttpStatusCode.Created);
        var token = Mailbox.Token(await Mailbox.LatestToAsync(server.MailDirectory, email));
        var accepted = await _http.PostAsJsonAsync("/api/v1/auth/invitations/accept", new AcceptInvitationRequest(token, Studio.Password), ApiJson.Options);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await invited.Content.ReadFromJsonAsync<UserResponse>(ApiJson.Options))!;
    }

    public async Task<WeddingResponse> CreateWeddingAsync(string title, string bride, string groom, DateOnly date, params TeamAssignment[] team)
    {
        var response = await _http.PostAsJsonAsync("/api/v1/weddings",
            new WeddingRequest(title, bride, groom, date, "Jaipur", WeddingStatus.Booked, 25_00_000_00, 300, "Staff-only note", team), ApiJson.Options);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<WeddingResponse>(ApiJson.Options))!;
    }

    public async Task RenameWeddingAsync(WeddingResponse wedding, string title)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/weddings/{wedding.Id}")
        {
            Content = JsonContent.Create(new WeddingRequest(title, wedding.BrideName, wedding.GroomName, wedding.PrimaryDate, wedding.City, wedding.Status,
                wedding.EstimatedBudgetPaise, wedding.GuestCountEstimate, wedding.Notes, []), options: ApiJson.Options),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        (await _http.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public void Dispose() => _http.Dispose();
}
