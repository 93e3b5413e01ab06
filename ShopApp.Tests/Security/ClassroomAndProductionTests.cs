using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using ShopApp.Account;
using ShopApp.Catalog;
using ShopApp.Sessions;
using ShopApp.Teaching;

namespace ShopApp.Tests.Security;

public sealed class ClassroomAndProductionTests
{
    /// <summary>A catalog that fails, to see what an unhandled exception shows.</summary>
    private sealed class BrokenCatalog : IProductCatalog
    {
        public Task<LocalizedProduct?> FindAsync(int id, string culture, CancellationToken cancellationToken = default) => throw new InvalidOperationException("secret-detail-in-the-exception");

        public Task<CatalogResults> BrowseAsync(CatalogSearch page, string culture, CancellationToken cancellationToken = default) => throw new InvalidOperationException("secret-detail-in-the-exception");

        public Task<int?> StockOfAsync(LocalizedProduct product, CancellationToken cancellationToken = default) => throw new InvalidOperationException("secret-detail-in-the-exception");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Classroom")]
    [InlineData("Production")]
    public async Task A_client_outside_loopback_never_gets_the_developer_exception_page(string environment)
    {
        await using var factory = new ShopFactory(environment).WithServices(services => services.AddScoped<IProductCatalog, BrokenCatalog>());
        using var student = factory.CreateShopClient();
        student.Http.DefaultRequestHeaders.Add(ShopFactory.ClientAddressHeader, "192.0.2.44");

        using var response = await student.GetAsync("/Products/1");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("secret-detail-in-the-exception", body);
        Assert.DoesNotContain("InvalidOperationException", body);
    }

    [Fact]
    public async Task This_machine_still_gets_the_developer_exception_page_in_development()
    {
        await using var factory = new ShopFactory("Development").WithServices(services => services.AddScoped<IProductCatalog, BrokenCatalog>());
        using var developer = factory.CreateShopClient();
        developer.Http.DefaultRequestHeaders.Add(ShopFactory.ClientAddressHeader, "127.0.0.1");

        using var response = await developer.GetAsync("/Products/1");

        Assert.Contains("secret-detail-in-the-exception", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Outside_development_hsts_lasts_a_year_for_a_real_host_and_is_not_sent_for_loopback()
    {
        await using var factory = new ShopFactory("Production");
        using var client = factory.CreateShopClient();

        using var real = new HttpRequestMessage(HttpMethod.Get, "https://shop.example.org/");
        using var realResponse = await client.SendAsync(real);
        using var loopback = await client.GetAsync("/");

        var maxAge = realResponse.Headers.GetValues("Strict-Transport-Security").Single();
        Assert.Matches(@"max-age=(\d+)", maxAge);
        Assert.True(long.Parse(System.Text.RegularExpressions.Regex.Match(maxAge, @"max-age=(\d+)").Groups[1].Value) >= 31_536_000);
        Assert.False(loopback.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Outside_development_and_classroom_the_cookies_carry_the_host_prefix()
    {
        await using var factory = new ShopFactory("Production");
        using var client = factory.CreateShopClient();

        var antiforgery = SetCookie.From(await client.GetAsync("/")).Select(c => c.Name).ToList();
        var session = SetCookie.From(await client.AddAsync(1, 1)).Select(c => c.Name).ToList();
        await client.RegisterAsync("prefix@example.com");

        Assert.Contains("__Host-.ShopApp.Antiforgery", antiforgery);
        Assert.Contains("__Host-.ShopApp.Session", session);
        Assert.Contains("__Host-.ShopApp.SignIn", client.Cookies.Keys);
        Assert.Equal(1, (await client.GetPageAsync("/")).CartCount());
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Classroom")]
    public async Task Development_and_classroom_keep_the_cookie_names_the_lessons_show(string environment)
    {
        await using var factory = new ShopFactory(environment);
        using var client = factory.CreateShopClient();

        var session = SetCookie.From(await client.AddAsync(1, 1)).Select(c => c.Name);

        Assert.Contains(SessionKeys.SessionCookie, session);
    }

    [Fact]
    public async Task The_classroom_has_teaching_mode_secure_cookies_and_no_demo_admin()
    {
        await using var factory = new ShopFactory("Classroom");
        using var client = factory.CreateShopClient();

        var session = Assert.Single(SetCookie.From(await client.AddAsync(1, 1)), c => c.Name == SessionKeys.SessionCookie);
        var admin = await client.SignInAsync(AccountSeed.Admin);

        Assert.True(session.Has("secure"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Learn")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.NotNull((await ShopClient.ParseAsync(admin)).FormProblem());
    }

    [Fact]
    public async Task The_classroom_redirects_plain_http_to_https()
    {
        await using var factory = new ShopFactory("Classroom");
        using var client = factory.CreateShopClient(https: false);

        using var response = await client.GetAsync("/");

        Assert.True(response.StatusCode is HttpStatusCode.RedirectKeepVerb or HttpStatusCode.TemporaryRedirect or HttpStatusCode.Redirect or HttpStatusCode.PermanentRedirect,
            $"{(int)response.StatusCode}");
        Assert.Equal("https", response.Headers.Location!.Scheme);
    }

    [Fact]
    public void The_classroom_certificate_is_made_once_kept_and_names_this_machine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"shopapp-cert-{Guid.NewGuid():N}", "classroom.pfx");
        try
        {
            var first = ClassroomSetup.LoadOrCreateCertificate(path);
            var again = ClassroomSetup.LoadOrCreateCertificate(path);

            Assert.Equal(ClassroomSetup.Fingerprint(first), ClassroomSetup.Fingerprint(again));
            Assert.Matches("^([0-9A-F]{2}:){31}[0-9A-F]{2}$", ClassroomSetup.Fingerprint(first));
            Assert.True(first.HasPrivateKey);
            Assert.Contains("localhost", first.GetNameInfo(X509NameType.DnsFromAlternativeName, false) + string.Join(",", first.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames())));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task The_teacher_account_is_made_on_first_start_with_a_printed_password_that_signs_in_as_admin()
    {
        var console = new StringWriter();
        var original = Console.Out;
        Console.SetOut(console);
        ShopFactory factory;
        try
        {
            factory = new ShopFactory("Classroom");
            factory.CreateShopClient().Dispose();
        }
        finally
        {
            Console.SetOut(original);
        }
        await using (factory)
        {
            var line = console.ToString().Split('\n').Single(l => l.StartsWith("Teacher sign-in: ", StringComparison.Ordinal)).Trim();
            var (email, password) = (line["Teacher sign-in: ".Length..].Split(" / ")[0], line.Split(" / ")[1]);
            using var teacher = factory.CreateShopClient();

            Assert.Equal(HttpStatusCode.Redirect, (await teacher.SignInAsync(email, password)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync("/Teacher")).StatusCode);
            Assert.DoesNotContain(password, string.Join("\n", File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "appsettings.Classroom.json"))));
        }
    }
}
