using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopApp.Account;
using ShopApp.Data;

namespace ShopApp.Api;

/// <summary>
/// <c>POST /api/token</c> (e-mail and password as JSON, throttled as the sign-in page is) and <c>GET
/// /api/orders</c> (the token's user's orders). The Tokens lesson uses both; any program may.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api";

    public static IEndpointRouteBuilder MapShopApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix);
        api.MapPost("/token", IssueTokenAsync).RequireRateLimiting(SignInRateLimit.Policy);
        api.MapGet("/orders", ListOrdersAsync).RequireAuthorization(ApiSetup.Policy);
        // Any other method is a 405 that names the one served (the shop's page routes would otherwise make it a 404).
        api.MapMethods("/token", Others(HttpMethods.Post), () => Unserved(HttpMethods.Post));
        api.MapMethods("/orders", Others(HttpMethods.Get, HttpMethods.Head), () => Unserved(HttpMethods.Get));
        return app;
    }

    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete, HttpMethods.Options, HttpMethods.Trace];

    private static string[] Others(params string[] served) => [.. Methods.Except(served)];

    private static IResult Unserved(string allowed) => new AllowHeader(allowed, Results.Problem($"Only {allowed} is served here.", statusCode: StatusCodes.Status405MethodNotAllowed));

    private sealed class AllowHeader(string allowed, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.Allow = allowed;
            return inner.ExecuteAsync(context);
        }
    }

    public sealed record TokenRequest(string? Email, string? Password);

    private static async Task<IResult> IssueTokenAsync(HttpContext context, PasswordCheck passwordCheck, TokenIssuer issuer, CancellationToken cancellationToken)
    {
        if (!context.Request.HasJsonContentType())
        {
            return Results.Problem("Send the e-mail and password as JSON: {\"email\": \"…\", \"password\": \"…\"}.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        TokenRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync<TokenRequest>(cancellationToken);
        }
        catch (Exception exception) when (exception is JsonException or BadHttpRequestException)
        {
            return Results.Problem("The body is not valid JSON.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (string.IsNullOrWhiteSpace(request?.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["email"] = string.IsNullOrWhiteSpace(request?.Email) ? ["Enter your e-mail address."] : [],
                ["password"] = string.IsNullOrEmpty(request?.Password) ? ["Enter your password."] : [],
            }.Where(field => field.Value.Length > 0).ToDictionary());
        }

        var (outcome, user) = await passwordCheck.CheckAsync(context.Connection.RemoteIpAddress, request.Email, request.Password, cancellationToken);
        return outcome switch
        {
            PasswordOutcome.Succeeded => Results.Ok(issuer.Issue(user!)),
            PasswordOutcome.Stopped => Results.Problem("Too many wrong passwords from here: try again in 5 minutes.", statusCode: StatusCodes.Status429TooManyRequests),
            _ => Results.Problem("The e-mail or password is not right.", statusCode: StatusCodes.Status401Unauthorized),
        };
    }

    private static async Task<IResult> ListOrdersAsync(HttpContext context, ShopDbContext db, CancellationToken cancellationToken)
    {
        var userId = context.User.FindFirst("sub")!.Value;
        var orders = await db.Orders.AsNoTracking().Where(o => o.UserId == userId).Include(o => o.Lines)
            .OrderByDescending(o => o.PlacedAtUtc).ThenByDescending(o => o.Id)
            .ToListAsync(cancellationToken);
        return Results.Ok(orders.Select(o => new
        {
            number = o.Number,
            placedAt = DateTime.SpecifyKind(o.PlacedAtUtc, DateTimeKind.Utc),
            status = o.Status.ToString(),
            currency = "EUR",
            subtotal = o.Subtotal,
            delivery = o.DeliveryPrice,
            vat = o.Vat,
            total = o.Total,
            lines = o.Lines.OrderBy(l => l.Id).Select(l => new { productId = l.ProductId, name = l.Name, quantity = l.Quantity, unitPrice = l.UnitPrice, lineTotal = l.LineTotal }),
        }));
    }
}
