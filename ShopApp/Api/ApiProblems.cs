namespace ShopApp.Api;

/// <summary>
/// Every error of <c>/api</c> as RFC 9457 problem details (JSON), never the shop's HTML status page: a program
/// reads the answer, not a person.
/// </summary>
public static class ApiProblems
{
    public static Task WriteAsync(HttpContext context, int status, string? detail) =>
        Results.Problem(detail: detail, statusCode: status).ExecuteAsync(context);

    /// <summary>Inside the shop's status pages: an empty error answer under <c>/api</c> gets a problem body instead.</summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(ApiEndpoints.Prefix), api =>
            api.UseStatusCodePages(context => WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode, null)));
}
