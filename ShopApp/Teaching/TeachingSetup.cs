using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ShopApp.Teaching;

public static class TeachingSetup
{
    /// <summary>The teaching pages: none of them has a route when teaching mode is off, so each answers 404.</summary>
    public static readonly string[] Folders = ["/Learn", "/Session", "/Teacher"];

    public static IServiceCollection AddShopTeaching(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(TeachingSettings.Section).Get<TeachingSettings>() ?? new TeachingSettings();
        services.AddSingleton(settings);
        if (!settings.Enabled)
        {
            return services;
        }
        services.AddScoped<SessionInspector>();
        services.AddScoped<Classroom>();
        services.AddScoped<TamperLab>();
        // The status page of a refused form says why (the CSRF lesson).
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<SessionOptions>, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>(
                (mvc, session, antiforgery) => mvc.Filters.Add(new CsrfRefusal.Witness(session.Value, antiforgery.Value)));
        // The lessons' stand-in for a Flask app's SECRET_KEY: made up at start, never stored.
        services.AddSingleton(provider => new FlaskStyleCookie(RandomNumberGenerator.GetBytes(32), provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Page conventions for teaching mode: the teacher's dashboard is for admins, and off means not there at all.</summary>
    public static void AddTeachingConventions(this PageConventionCollection conventions, IConfiguration configuration)
    {
        var enabled = configuration.GetSection(TeachingSettings.Section).Get<TeachingSettings>()?.Enabled == true;
        if (!enabled)
        {
            foreach (var folder in Folders)
            {
                conventions.AddFolderRouteModelConvention(folder, model => model.Selectors.Clear());
            }
            return;
        }
        conventions.AuthorizeFolder("/Teacher", Account.ShopRoles.Admin);
    }
}
