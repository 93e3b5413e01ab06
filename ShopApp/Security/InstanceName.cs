namespace ShopApp.Security;

/// <summary>
/// With several instances behind a load balancer, <c>Instance:Name</c> is sent back as <c>X-ShopApp-Instance</c>
/// on every response, so a class (and a test) can see which server answered.
/// </summary>
public static class InstanceName
{
    public const string Header = "X-ShopApp-Instance";

    public static IApplicationBuilder UseInstanceName(this IApplicationBuilder app)
    {
        var name = app.ApplicationServices.GetRequiredService<IConfiguration>()["Instance:Name"];
        return string.IsNullOrWhiteSpace(name)
            ? app
            : app.Use((context, next) =>
            {
                context.Response.Headers[Header] = name;
                return next(context);
            });
    }
}
