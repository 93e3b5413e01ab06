using Microsoft.AspNetCore.Mvc.ModelBinding;
using ShopApp.Account;
using ShopApp.Api;
using ShopApp.Analytics;
using ShopApp.Privacy;
using ShopApp.Cart;
using ShopApp.Catalog;
using ShopApp.Checkout;
using ShopApp.Data;
using ShopApp.Localization;
using ShopApp.Pages.Shared;
using ShopApp.Security;
using ShopApp.Sessions;
using ShopApp.Teaching;
using ShopApp.Tuning;

var builder = WebApplication.CreateBuilder(args);
builder.UseClassroomCertificate();

builder.Services.AddShopDatabase(builder.Configuration);
builder.Services.AddShopDataProtection(builder.Configuration, builder.Environment);
builder.Services.AddShopSession(builder.Configuration, builder.Environment);
builder.Services.AddShopAccounts(builder.Configuration, builder.Environment);
builder.Services.AddShopApi(builder.Configuration, builder.Environment);
builder.Services.AddShopLocalization();
builder.Services.AddShopForwardedHeaders();
builder.Services.AddShopCompression(builder.Configuration);
builder.Services.AddMemoryCache();
builder.Services.AddSingleton<CategoryMenu>();
builder.Services.AddSingleton<CatalogChanges>();
builder.Services.AddSingleton<ProductImages>();
builder.Services.AddScoped<CatalogEditor>();
builder.Services.AddScoped<CategoryEditor>();
builder.Services.AddScoped<IProductCatalog, ProductCatalog>();
builder.Services.AddScoped<CartSession>();
builder.Services.AddShopCheckout();
builder.Services.AddShopTeaching(builder.Configuration);
builder.Services.AddShopPrivacy(builder.Environment);
builder.Services.AddRazorPages(options =>
    {
        options.Conventions.AuthorizeAdminArea();
        options.Conventions.AuthorizeFolder("/Account");
        options.Conventions.AuthorizeFolder("/Checkout");
        options.Conventions.AuthorizeFolder("/Orders");
        options.Conventions.AllowAnonymousToPage("/Account/Login");
        options.Conventions.AllowAnonymousToPage("/Account/Register");
        options.Conventions.AllowAnonymousToPage("/Account/Logout");
        options.Conventions.AddTeachingConventions(builder.Configuration);
    })
    .AddShopDataAnnotationsLocalization()
    // No form or query of the shop uses jQuery's "a[b]" names; these two providers only cost every bound handler time.
    .AddMvcOptions(options =>
    {
        options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
        options.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
        // Whole numbers from ASCII digits only; a method no handler serves is a 405, not a page rendered empty.
        options.ModelBinderProviders.Insert(0, new WholeNumberBinderProvider());
        options.Filters.Add(new UnservedMethodFilter());
    })
    // One-time notices ride in the session the cart already uses, not in a cookie of their own.
    .AddSessionStateTempDataProvider();
// Speed only, behind Tuning:Enabled; last, because it wraps what the lines above registered.
builder.Services.AddShopTuning(builder.Configuration, builder.Environment);

var app = builder.Build();

await ShopDatabase.PrepareAsync(app.Services);
await TuningSetup.PrepareAsync(app.Services);
await AccountSeed.SeedAsync(app.Services);
// In the Classroom environment: the teacher's account; `-- --teacher-password new` prints a new password and stops.
if (await ClassroomSetup.PrepareTeacherAsync(app.Services, app.Environment, app.Configuration))
{
    return;
}

app.UseSecurityHeaders();
app.UseInstanceName();
app.UseForwardedHeaders();
// Pages only, Brotli or gzip; not in teaching mode, whose pages show cookies (see the class for why).
app.UseShopCompression(builder.Configuration);
app.UseShopErrorsAndHttps();
app.UseStatusCodePagesWithReExecute("/Status/{0}");
app.UseApiProblems();
app.UseUnreadableFormsAs400();
// Before anything sets a cookie: cookies not marked essential wait for the visitor's consent.
app.UseCookiePolicy();
app.UseRouting();
app.UseRateLimiter();
app.UseSessionWriteLock();
app.UseSession();
app.UseAuthentication();
app.UseSessionBoundToSignIn();
// After session and sign-in, because the language is chosen from the session first.
app.UseRequestLocalization();
app.UseAuthorization();
// Outside the tuning wing, so pages it serves from memory are counted too.
app.UseSessionAnalytics();
app.UseShopTuning(builder.Configuration);

app.MapStaticAssets();
app.MapGet(ProductImages.UrlPrefix + "{name}", (string name, ProductImages images, HttpContext context) => images.Serve(name, context));
app.MapShopApi();
app.MapRazorPages().WithStaticAssets();

app.Run();

/// <summary>Visible to WebApplicationFactory in the test projects.</summary>
public partial class Program;
