using Microsoft.OpenApi;
using Scalar.AspNetCore;
using WedTech.Server.Platform.Caching;
using WedTech.Server.Platform.Email;
using WedTech.Server.Platform.Encryption;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Platform.Observability;

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
        builder.Services.AddEmail(builder.Configuration);
        builder.Services.AddEncryption(builder.Configuration);
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

    /// <summary>Errors as problem details, routing, metrics and the request guards; then the platform's own endpoints.</summary>
    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseHttpMetrics();
        app.UseMiddleware<RequestSizeGuard>();
        app.UseMiddleware<QueryTextGuard>();

        app.MapObservability();
        app.MapJobs();
        app.MapOpenApi().ExcludeFromDescription();
        app.MapScalarApiReference("/docs", options => options.WithTitle("WedTech API")).ExcludeFromDescription();
        return app;
    }

    /// <summary>Endpoints outside any tenant (signup).</summary>
    public static RouteGroupBuilder MapPlatformApi(this WebApplication app) => app.MapGroup("/api/v1");
}
