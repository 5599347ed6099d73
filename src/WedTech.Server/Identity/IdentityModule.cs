using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Platform.Observability;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Identity;

public static class IdentityModule
{
    public const string LoginRateLimit = "login";

    public static IServiceCollection AddIdentityModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection("Auth"));
        // OWASP's figure for PBKDF2-HMAC-SHA512.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<SigningKey>();
        services.AddSingleton<IStudioAdmins, StudioAdmins>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<IWriteActor>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<UserDirectory>();
        services.AddScoped<IJobUser, JobUser>();
        services.AddScoped<TokenService>();
        services.AddScoped<AuthService>();
        services.AddSingleton<PasswordVerifier>();
        services.AddScoped<OneTimeLinks>();
        services.AddScoped<UserService>();
        services.AddScoped<AuditLog>();
        services.AddSingleton<SignInHandoff>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKey, IOptions<AuthOptions>, TimeProvider>((jwt, key, auth, time) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new CachingJsonWebTokenHandler(time) { MapInboundClaims = false });
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Audience,
                    IssuerSigningKey = key.Key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = TokenClaims.Subject,
                    RoleClaimType = TokenClaims.Role,
                };
                jwt.Events = new JwtBearerEvents
                {
                    // API clients send the bearer header; the browser app has its token in a cookie (BrowserSession);
                    // realtime clients that cannot set headers on a WebSocket put it in the query (hub paths only).
                    OnMessageReceived = context =>
                    {
                        if (string.IsNullOrEmpty(context.Request.Headers.Authorization))
                        {
                            context.Token = AccessTokenQueryPath.Token(context.Request) ?? BrowserSession.AccessToken(context.Request);
                        }
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = BindTokenToTenantAndUserAsync,
                };
            });

        services.AddAuthorization(options =>
        {
            foreach (var permission in Permissions.All)
            {
                options.AddPolicy(permission, policy => policy.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
            }
        });
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();

        services.AddRateLimiter(options =>
            options.AddPolicy(LoginRateLimit, context =>
            {
                var tenant = context.RequestServices.GetRequiredService<TenantContext>().Tenant?.Id.ToString() ?? "-";
                var permits = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.LoginPermitsPerMinute;
                return AttemptLimits.PerWindow(context, $"{tenant}|{context.Connection.RemoteIpAddress}", permits, TimeSpan.FromMinutes(1));
            }));
        return services;
    }

    /// <summary>After tenant resolution: who is calling, their tenant and user ids on every log line, what they may do, antiforgery.</summary>
    public static IApplicationBuilder UseIdentity(this IApplicationBuilder app) => app
        .UseAuthentication()
        .UseMiddleware<LogScopeMiddleware>()
        .UseAuthorization()
        .UseAntiforgery();

    /// <summary>
    /// A token is good only on the tenant that issued it, for a user who is still active and whose sessions
    /// have not been ended since (security stamp). The role comes from the user's current record.
    /// </summary>
    private static async Task BindTokenToTenantAndUserAsync(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var tenant = services.GetRequiredService<TenantContext>().Tenant;
        var principal = context.Principal!;
        if (tenant is null || principal.FindFirstValue(TokenClaims.Tenant) != tenant.Id.ToString())
        {
            context.Fail("The token was not issued for this tenant.");
            return;
        }
        if (!Guid.TryParse(principal.FindFirstValue(TokenClaims.Subject), out var userId))
        {
            context.Fail("The token has no subject.");
            return;
        }
        var user = await services.GetRequiredService<UserDirectory>().FindAsync(userId, context.HttpContext.RequestAborted);
        if (user is null || !user.Accepts(principal))
        {
            context.Fail("The session has ended.");
            return;
        }

        services.GetRequiredService<CurrentUser>().Set(user);
        services.GetRequiredService<ActiveUserTracker>().Seen(tenant.Id, user.Id);
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(TokenClaims.Subject, user.Id.ToString()),
                new Claim(TokenClaims.Tenant, tenant.Id.ToString()),
                new Claim(TokenClaims.Role, ApiConventions.EnumName(user.Role)),
                // Long-lived realtime connections check these again when they act (RealtimeHub).
                new Claim(TokenClaims.SecurityStamp, user.SecurityStamp),
                .. principal.FindAll(TokenClaims.Session).Take(1),
            ],
            JwtBearerDefaults.AuthenticationScheme, TokenClaims.Subject, TokenClaims.Role));
    }

    private sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

    private sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
        {
            if (context.Resource is HttpContext http && http.RequestServices.GetRequiredService<CurrentUser>().Can(requirement.Permission))
            {
                context.Succeed(requirement);
            }
            return Task.CompletedTask;
        }
    }

    /// <summary>Puts tenant and user ids on every log line of the request.</summary>
    private sealed class LogScopeMiddleware(RequestDelegate next, ILogger<LogScopeMiddleware> logger)
    {
        public async Task InvokeAsync(HttpContext context, TenantContext tenant, CurrentUser user)
        {
            if (tenant.Tenant is null)
            {
                await next(context);
                return;
            }
            using (logger.BeginScope(new Dictionary<string, object?> { ["TenantId"] = tenant.Tenant.Id, ["TenantSlug"] = tenant.Tenant.Slug, ["UserId"] = user.User?.Id }))
            {
                await next(context);
            }
        }
    }
}
