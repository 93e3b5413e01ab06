using ShopApp.Sessions;

namespace ShopApp.Pages.Learn;

/// <summary>Lesson 8: which store this shop uses, and which instance answers each request.</summary>
public class ServersModel(SessionSettings settings, IConfiguration configuration) : LessonModel
{
    public SessionStore Store => settings.Store;

    public string? Instance => configuration["Instance:Name"];

    public void OnGet()
    {
    }
}
