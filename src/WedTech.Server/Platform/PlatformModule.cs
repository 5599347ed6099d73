using Microsoft.OpenApi;
using Scalar.AspNetCore;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Api;
using WedTech.Server.Platform.Caching;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Platform.Observability;
using WedTech.Server.Platform.Persistence;
using WedTech.Server.Tenancy;
using WedTech.Server.Web;

namespace WedTech.Server.Platform;

/// <summary>The cross-cutting parts every module relies on: API conventions, persistence, observability, OpenAPI.</summary>
public static class PlatformModule
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        builder.AddObservability();
        builder.Services.AddApiConventions();
        builder.Services.AddPersistence(builder.Configuration);
        builder.Services.AddCaching(builder.Configuration);
        builder.Services.AddJobs(builder.Configuration);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddOpenApi(options => options.AddOperationConventions().AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "WedTech API",
                Version = "v1",
                Description = "Every studio (tenant) is addressed by its host name ({slug}.{base domain}) or the X-Tenant header. " +
                    "Sign in at /api/v1/auth/login and send the access token as 'Authorization: Bearer …'. Errors are RFC 9457 problem details.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT", Description = "Access token from /api/v1/auth/login.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseHttpMetrics();
        app.UseMiddleware<RequestSizeGuard>();
        app.UseMiddleware<QueryTextGuard>();
        app.UseTenantResolution();
        app.UseAuthentication();
        app.UseMiddleware<LogScopeMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();

        app.MapObservability();
        app.MapJobs();
        app.MapOpenApi().ExcludeFromDescription();
        app.MapScalarApiReference("/docs", options => options.WithTitle("WedTech API")).ExcludeFromDescription();
        BenchFloor.MapIfEnabled(app);
        return app;
    }

    /// <summary>The API of one tenant: every endpoint under it resolves the tenant first.</summary>
    public static RouteGroupBuilder MapTenantApi(this WebApplication app) =>
        app.MapGroup("/api/v1").WithMetadata(TenantScopedAttribute.Instance);

    /// <summary>Endpoints outside any tenant (signup).</summary>
    public static RouteGroupBuilder MapPlatformApi(this WebApplication app) => app.MapGroup("/api/v1");

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
