using System.Net;
using System.Net.NetworkInformation;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Identity;
using ShopApp.Account;

namespace ShopApp.Teaching;

/// <summary>
/// The Classroom environment (<c>dotnet run --project ShopApp --launch-profile Classroom</c>, settings in
/// appsettings.Classroom.json): one shop for a class on a network. HTTPS on every interface with a certificate made
/// on first start, the teacher's own account with a random password, no demo accounts, and Production's error pages.
/// </summary>
public static class ClassroomSetup
{
    public const string Environment = "Classroom";

    /// <summary>The command-line switch that gives the teacher a new password: <c>-- --teacher-password new</c>.</summary>
    public const string NewPasswordSwitch = "teacher-password";

    public static bool IsClassroom(this IHostEnvironment environment) => environment.IsEnvironment(Environment);

    /// <summary>HTTPS with the classroom's own certificate, kept in App_Data; its fingerprint goes to the console.</summary>
    public static void UseClassroomCertificate(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsClassroom())
        {
            return;
        }
        // Made when Kestrel sets up its HTTPS endpoint, from the configuration as it finally is.
        builder.WebHost.ConfigureKestrel((context, kestrel) => kestrel.ConfigureHttpsDefaults(https =>
        {
            var path = Path.GetFullPath(context.Configuration["Classroom:CertificatePath"] ?? "App_Data/classroom-certificate.pfx", context.HostingEnvironment.ContentRootPath);
            https.ServerCertificate = LoadOrCreateCertificate(path);
            // Students compare this with what their browser shows before they accept the warning.
            Console.WriteLine($"Classroom certificate SHA-256: {Fingerprint(https.ServerCertificate)}");
        }));
    }

    /// <summary>SHA-256 of the certificate, as browsers show it: pairs of hex digits separated by colons.</summary>
    public static string Fingerprint(X509Certificate2 certificate) =>
        string.Join(':', certificate.GetCertHash(HashAlgorithmName.SHA256).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    public static X509Certificate2 LoadOrCreateCertificate(string path)
    {
        if (File.Exists(path))
        {
            var kept = X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
            if (kept.NotAfter > DateTime.Now.AddDays(1))
            {
                return kept;
            }
        }
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=ShopApp classroom on {Dns.GetHostName()}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddDnsName(Dns.GetHostName());
        // Every address of this machine: students type the teacher's address, and the certificate must name it.
        foreach (var address in NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address).Distinct())
        {
            names.AddIpAddress(address);
        }
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // No password: the file is as safe as App_Data, which also holds the keys that encrypt every cookie.
        File.WriteAllBytes(path, created.Export(X509ContentType.Pfx));
        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
    }

    /// <summary>
    /// Creates the teacher's account (Admin role) with a random password on first start and prints it once; with
    /// <c>--teacher-password new</c> gives it a new one, prints it, ends its sign-ins and returns true (the app then
    /// stops instead of serving).
    /// </summary>
    public static async Task<bool> PrepareTeacherAsync(IServiceProvider services, IHostEnvironment environment, IConfiguration configuration)
    {
        var renew = string.Equals(configuration[NewPasswordSwitch], "new", StringComparison.OrdinalIgnoreCase);
        if (!environment.IsClassroom())
        {
            return false;
        }
        var email = configuration["Classroom:TeacherEmail"] ?? "teacher@shopapp.local";
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShopUser>>();
        var teacher = await users.FindByEmailAsync(email);
        var password = NewPassword();
        if (teacher is null)
        {
            teacher = new ShopUser { UserName = email, Email = email, DisplayName = "Teacher", EmailConfirmed = true };
            Check(await users.CreateAsync(teacher, password));
            Check(await users.AddToRolesAsync(teacher, [ShopRoles.Customer, ShopRoles.Admin]));
        }
        else if (renew)
        {
            Check(await users.RemovePasswordAsync(teacher));
            Check(await users.AddPasswordAsync(teacher, password));
            await users.UpdateSecurityStampAsync(teacher);
            await scope.ServiceProvider.GetRequiredService<SignIns>().RevokeAllAsync(teacher.Id, keepSignInId: null);
        }
        else
        {
            Console.WriteLine($"Teacher sign-in: {email} (password printed when it was made; for a new one: dotnet run --project ShopApp --launch-profile Classroom -- --{NewPasswordSwitch} new)");
            return false;
        }
        Console.WriteLine($"Teacher sign-in: {email} / {password}");
        return renew;
    }

    /// <summary>24 random characters with every kind Identity's rules ask for; written nowhere but the console.</summary>
    private static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y') + "Ka7!";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Preparing the teacher's account failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
