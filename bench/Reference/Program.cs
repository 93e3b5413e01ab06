using System.Text.Json;

// The reference for bench/run.sh: session over the in-memory cache and two endpoints, one that reads the cart
// from session and one that adds a line and writes it back, as JSON, the way ShopApp's cart does.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddDistributedMemoryCache();
builder.Services.AddSession(options =>
{
    options.Cookie.Name = ".Reference.Session";
    options.IdleTimeout = TimeSpan.FromMinutes(20);
});

var app = builder.Build();
app.UseSession();

app.MapGet("/read", async (HttpContext context) =>
{
    await context.Session.LoadAsync();
    return Results.Text(context.Session.GetString("Cart") ?? """{"lines":[]}""", "application/json");
});

app.MapPost("/write", async (HttpContext context) =>
{
    await context.Session.LoadAsync();
    var json = context.Session.GetString("Cart");
    var cart = json is null ? new Cart([]) : JsonSerializer.Deserialize<Cart>(json, Json.Options)!;
    var productId = Random.Shared.Next(1, 25);
    var line = cart.Lines.FirstOrDefault(l => l.ProductId == productId);
    cart.Lines.Remove(line!);
    cart.Lines.Add(new Line(productId, Math.Min((line?.Quantity ?? 0) + 1, 99)));
    context.Session.SetString("Cart", JsonSerializer.Serialize(cart, Json.Options));
    await context.Session.CommitAsync();
    return Results.Redirect("/read");
});

app.Run();

internal sealed record Cart(List<Line> Lines);

internal sealed record Line(int ProductId, int Quantity);

internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
