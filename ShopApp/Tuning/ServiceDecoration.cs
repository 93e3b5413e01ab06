namespace ShopApp.Tuning;

public static class ServiceDecoration
{
    /// <summary>
    /// Replaces the last registration of <typeparamref name="TService"/> with <paramref name="decorate"/> wrapped
    /// around it, as one singleton: ShopApp keeps the framework's own antiforgery and Data Protection and adds to them.
    /// </summary>
    public static IServiceCollection DecorateSingleton<TService>(this IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        var registered = services.Last(d => d.ServiceType == typeof(TService));
        services.Remove(registered);
        services.AddSingleton(provider => decorate(provider, registered switch
        {
            { ImplementationInstance: TService instance } => instance,
            { ImplementationFactory: { } factory } => (TService)factory(provider),
            _ => (TService)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!),
        }));
        return services;
    }
}
