using System.Net;
using ShopApp.Teaching;

namespace ShopApp.Security;

/// <summary>How errors and plain HTTP are answered, per environment.</summary>
public static class ErrorPages
{
    /// <summary>Goes right after the forwarded headers, so the client's address is the real one.</summary>
    public static WebApplication UseShopErrorsAndHttps(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            // The developer exception page (which the framework puts first in Development) shows stack traces, source
            // paths and the request's cookies: only to this machine. Anyone else, a student on the network included,
            // gets the friendly error page, because this handler catches the exception before it reaches that page.
            app.UseWhen(context => !IsLoopback(context.Connection.RemoteIpAddress), branch => branch.UseExceptionHandler("/Error"));
            return app;
        }
        app.UseExceptionHandler("/Error");
        if (app.Environment.IsClassroom())
        {
            // The classroom has its own certificate: students who type http:// are sent to https://. No HSTS: a
            // browser would then refuse to let them past the self-signed certificate's warning at all.
            app.UseHttpsRedirection();
            return app;
        }
        app.UseHsts();
        app.UseHttpsOnly();
        return app;
    }

    /// <summary>A request from this machine. In-process test requests carry no address and count as this machine.</summary>
    public static bool IsLoopback(IPAddress? address) => address is null || IPAddress.IsLoopback(address);
}
