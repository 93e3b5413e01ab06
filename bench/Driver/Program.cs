using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

// bench/run.sh's helper. Every request to ShopApp says X-Forwarded-Proto: https, as the TLS-terminating proxy on
// the same machine would: ShopApp runs in Production there, where it only answers HTTPS.
return args switch
{
    ["prepare-shop", var url, var count, var output] => await Shop.PrepareAsync(url, int.Parse(count), output),
    ["prepare-ref", var url, var count, var output] => await Reference.PrepareAsync(url, int.Parse(count), output),
    ["add-products", var database, var count] => Catalog.AddProducts(database, int.Parse(count)),
    ["cookie-size", var url] => await Shop.CookieSizeAsync(url),
    ["memory", var url, var pid, var count] => await Shop.MemoryAsync(url, int.Parse(pid), int.Parse(count)),
    ["first-response", var dll, var port, var database] => await Shop.FirstResponseAsync(dll, int.Parse(port), database),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Driver prepare-shop|prepare-ref|add-products|cookie-size|memory|first-response ...");
    return 2;
}

/// <summary>A client that keeps cookies by hand (ShopApp's are Secure, and this talks plain HTTP to loopback).</summary>
internal sealed class Browser(HttpClient http)
{
    public Dictionary<string, string> Cookies { get; } = new();

    public string CookieHeader => string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}"));

    public static HttpClient NewHttp(string baseUrl) => new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 64 })
    {
        BaseAddress = new Uri(baseUrl),
        DefaultRequestHeaders = { { "X-Forwarded-Proto", "https" } },
    };

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", CookieHeader);
        }
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }
        var response = await http.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            if (pair[1].Length == 0)
            {
                Cookies.Remove(pair[0]);
            }
            else
            {
                Cookies[pair[0]] = pair[1];
            }
        }
        return response;
    }
}

internal static partial class Shop
{
    // Outside Development the name carries the __Host- prefix: the value is what is measured.
    private static string SessionCookieOf(Browser browser) => browser.Cookies.First(c => c.Key.EndsWith(".ShopApp.Session", StringComparison.Ordinal)).Value;

    /// <summary>One antiforgery cookie and token, as a browser gets them from any page with a form.</summary>
    private static async Task<(string Cookie, string Token)> AntiforgeryAsync(HttpClient http)
    {
        var browser = new Browser(http);
        using var page = await browser.SendAsync(HttpMethod.Get, "/Products/7");
        page.EnsureSuccessStatusCode();
        var token = TokenInput().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        return (browser.CookieHeader, token);
    }

    /// <summary>A session with a cart of <paramref name="lines"/> lines, filled through the real add-to-cart form.</summary>
    private static async Task<Browser> FillCartAsync(HttpClient http, (string Cookie, string Token) antiforgery, int lines, int[] productIds)
    {
        var browser = new Browser(http);
        var pair = antiforgery.Cookie.Split('=', 2);
        browser.Cookies[pair[0]] = pair[1];
        for (var line = 0; line < lines; line++)
        {
            using var response = await browser.SendAsync(HttpMethod.Post, "/Cart?handler=Add", new()
            {
                ["productId"] = productIds[line % productIds.Length].ToString(),
                ["quantity"] = "1",
                ["__RequestVerificationToken"] = antiforgery.Token,
            });
            if (response.StatusCode != HttpStatusCode.Found)
            {
                throw new InvalidOperationException($"add-to-cart answered {(int)response.StatusCode}");
            }
        }
        return browser;
    }

    private static readonly int[] InStock = [1, 2, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24];

    /// <summary>N sessions with 5-line carts: one line per session, "cookies TAB antiforgery-token", for wrk.</summary>
    public static async Task<int> PrepareAsync(string url, int count, string output)
    {
        using var http = Browser.NewHttp(url);
        var antiforgery = await AntiforgeryAsync(http);
        var sessions = await ParallelAsync(count, async i =>
        {
            var browser = await FillCartAsync(http, antiforgery, 5, [.. InStock.Skip(i % 10)]);
            return $"{browser.CookieHeader}\t{antiforgery.Token}";
        });
        await File.WriteAllLinesAsync(output, sessions);
        return 0;
    }

    /// <summary>The session cookie with an empty cart and with 50 lines: it carries an id, so it must not grow.</summary>
    public static async Task<int> CookieSizeAsync(string url)
    {
        using var http = Browser.NewHttp(url);
        var antiforgery = await AntiforgeryAsync(http);

        // One session: a line added and removed (the session exists, the cart is empty), then 50 lines.
        var browser = await FillCartAsync(http, antiforgery, 1, [7]);
        (await browser.SendAsync(HttpMethod.Post, "/Cart?handler=Remove", new() { ["productId"] = "7", ["__RequestVerificationToken"] = antiforgery.Token })).Dispose();
        var empty = SessionCookieOf(browser);
        if (await LineCountAsync(browser) != 0)
        {
            throw new InvalidOperationException("the cart is not empty");
        }

        var productIds = await ProductIdsAsync(http);
        await AddLinesAsync(browser, antiforgery.Token, productIds.Take(50));
        Console.WriteLine($"cookie_empty_cart_bytes={empty.Length} cookie_50_lines_bytes={SessionCookieOf(browser).Length} lines_in_cart={await LineCountAsync(browser)}");
        return 0;
    }

    /// <summary>The live managed heap and RSS before and after 10,000 (or <paramref name="count"/>) sessions with 5-line carts.</summary>
    public static async Task<int> MemoryAsync(string url, int pid, int count)
    {
        using var http = Browser.NewHttp(url);
        var antiforgery = await AntiforgeryAsync(http);
        // Warm up first with a fifth as many sessions, so the "before" figure already holds the code, caches, pools
        // and garbage-collected heap a busy shop has; what grows after that is what the sessions hold.
        await ParallelAsync(count / 5, async i => (await FillCartAsync(http, antiforgery, 5, [.. InStock.Skip(i % 10)])).CookieHeader);
        await Task.Delay(1000);
        var before = Rss(pid);
        var heapBefore = await LiveHeapAsync(pid);
        await ParallelAsync(count, async i => (await FillCartAsync(http, antiforgery, 5, [.. InStock.Skip(i % 10)])).CookieHeader);
        await Task.Delay(1000);
        var after = Rss(pid);
        var heapAfter = await LiveHeapAsync(pid);
        Console.WriteLine($"rss_before_mb={before / 1024.0 / 1024:F1} rss_after_mb={after / 1024.0 / 1024:F1} " +
            $"heap_before_mb={heapBefore / 1024.0 / 1024:F1} heap_after_mb={heapAfter / 1024.0 / 1024:F1} sessions={count}");
        return 0;
    }

    /// <summary>
    /// The bytes of live objects on the process's managed heap, after the full collection that dotnet-gcdump makes
    /// (the repository's tool manifest pins it). RSS cannot show what sessions hold: a runtime that committed heap
    /// earlier fills it without growing.
    /// </summary>
    private static async Task<long> LiveHeapAsync(int pid)
    {
        var start = new ProcessStartInfo("dotnet", ["dotnet-gcdump", "report", "-p", pid.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Environment.GetEnvironmentVariable("SHOPAPP_ROOT") ?? Environment.CurrentDirectory,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.Contains("GC Heap bytes"))
            ?? throw new InvalidOperationException("dotnet-gcdump printed no heap size: " + output + await process.StandardError.ReadToEndAsync());
        return long.Parse(line.Trim().Split(' ')[0].Replace(",", ""));
    }

    /// <summary>Starts `dotnet ShopApp.dll` and times it to the first 200 of the catalog page.</summary>
    public static async Task<int> FirstResponseAsync(string dll, int port, string database)
    {
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ConnectionStrings__Shop"] = $"Data Source={database}",
            },
        };
        using var http = Browser.NewHttp($"http://127.0.0.1:{port}");
        http.Timeout = TimeSpan.FromSeconds(2);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                try
                {
                    using var response = await http.GetAsync("/");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        Console.WriteLine($"first_response_ms={clock.ElapsedMilliseconds}");
                        return 0;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(10);
            }
            Console.WriteLine("first_response_ms=timeout");
            return 1;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task AddLinesAsync(Browser browser, string token, IEnumerable<int> productIds)
    {
        foreach (var id in productIds)
        {
            using var response = await browser.SendAsync(HttpMethod.Post, "/Cart?handler=Add", new()
            {
                ["productId"] = id.ToString(), ["quantity"] = "1", ["__RequestVerificationToken"] = token,
            });
        }
    }

    private static async Task<int> LineCountAsync(Browser browser)
    {
        using var cart = await browser.SendAsync(HttpMethod.Get, "/Cart");
        return CartLine().Matches(await cart.Content.ReadAsStringAsync()).Count;
    }

    private static async Task<List<int>> ProductIdsAsync(HttpClient http)
    {
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            using var response = await http.GetAsync($"/?page={page}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return ids;
            }
            var html = await response.Content.ReadAsStringAsync();
            ids.AddRange(InStockCard().Matches(html).Select(m => int.Parse(m.Groups[1].Value)));
        }
    }

    private static long Rss(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

    public static async Task<List<string>> ParallelAsync(int count, Func<int, Task<string>> work)
    {
        var results = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, _) => results[i] = await work(i));
        return [.. results];
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex TokenInput();

    [GeneratedRegex("""data-testid="cart-line" """)]
    private static partial Regex CartLine();

    [GeneratedRegex(@"data-testid=""product-card"" data-product-id=""(\d+)""(?:(?!data-testid=""product-card"").)*?data-testid=""add-to-cart""", RegexOptions.Singleline)]
    private static partial Regex InStockCard();
}

internal static class Reference
{
    public static async Task<int> PrepareAsync(string url, int count, string output)
    {
        using var http = Browser.NewHttp(url);
        var sessions = await Shop.ParallelAsync(count, async _ =>
        {
            var browser = new Browser(http);
            for (var line = 0; line < 5; line++)
            {
                (await browser.SendAsync(HttpMethod.Post, "/write")).Dispose();
            }
            return $"{browser.CookieHeader}\t";
        });
        await File.WriteAllLinesAsync(output, sessions);
        return 0;
    }
}

internal static class Catalog
{
    /// <summary>Extra products in the bench's throwaway database, so a cart can reach its 50-line limit.</summary>
    public static int AddProducts(string database, int count)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        for (var i = 1; i <= count; i++)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO Products (Name, Description, Price, Stock, ImagePath, CategoryId)
                VALUES ($name, 'A product added by the benchmark so a cart can hold 50 lines.', '1.00', 1000, '/images/products/dice-set.svg', 3)
                """;
            insert.Parameters.AddWithValue("$name", $"Bench item {i:D2}");
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        return 0;
    }
}
