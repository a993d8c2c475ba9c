using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CareerPath.Samples.Web;

/// <summary>
/// The web app behind <c>careerpath serve</c>: Kestrel on 127.0.0.1 only, the page at <c>/</c>, the
/// JSON API under <c>/api</c>, and problems (never stack traces) for everything that goes wrong.
/// </summary>
internal static class PlanServer
{
    public static WebApplication Build(int port, CareerPlanner planner, SampleStudents samples, FormCatalogue catalogue)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // Production whatever the environment says: no developer exception page, ever.
            EnvironmentName = Environments.Production,
            // Not the working directory: an appsettings.json lying there must not reconfigure the server.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = PlanApi.MaxBodyBytes;
        });

        // Standard output carries only the address line; the server's own log goes to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        // The host's own start and stop failures are reported by the serve command, in one line.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);

        // A page on another site that rebinds its name to 127.0.0.1 is refused by name.
        builder.Services.AddHostFiltering(hosts => hosts.AllowedHosts = ["127.0.0.1", "localhost"]);
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status == StatusCodes.Status500InternalServerError)
            {
                context.ProblemDetails.Title = "Something unexpected went wrong";
                context.ProblemDetails.Detail = "The server logged what happened; please report it with the request you sent.";
            }
        });
        builder.Services.AddSingleton(planner);
        builder.Services.AddSingleton(samples);
        builder.Services.AddSingleton(catalogue);

        var app = builder.Build();
        app.UseHostFiltering();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Kestrel's own refusals (a body over the limit, a broken request) keep their 4xx status.
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.Use((context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });

        var page = PlanPage.Load();
        app.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers.ContentSecurityPolicy = page.ContentSecurityPolicy;
            return TypedResults.Content(page.Html, "text/html; charset=utf-8");
        });
        PlanApi.Map(app);
        return app;
    }
}
