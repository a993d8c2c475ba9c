using CareerPath;
using CareerPath.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CareerPath's planner with a service collection.</summary>
public static class CareerPathServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICareerPlanner"/> and its <see cref="RuleSet"/> as singletons built from
    /// <see cref="CareerPathOptions"/>: the default pack embedded in the library unless the options say
    /// otherwise. The pack is loaded and checked when the host starts; a pack with errors stops the start
    /// with every problem in the exception's message.
    /// </summary>
    /// <remarks>
    /// Calling it again registers nothing twice; each <paramref name="configure"/> still applies, in order.
    /// With an <see cref="ILoggerFactory"/> registered, the pack load is logged (name, version, rules,
    /// milliseconds) and so is each plan diagnostic, naming the student by id only.
    /// <code>
    /// builder.Services.AddCareerPath(options => options.DefaultLanguage = "zh-CN");
    /// // later, in a handler or service:
    /// CareerPlan plan = planner.Plan(student);
    /// </code>
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; null keeps the defaults.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddCareerPath(this IServiceCollection services, Action<CareerPathOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(service => service.ServiceType == typeof(ConfiguredPackLoader)))
        {
            return services;
        }

        services.AddOptions<CareerPathOptions>().ValidateOnStart();
        services.TryAddSingleton(provider => new ConfiguredPackLoader(Logger(provider, typeof(RulePackLoader))));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CareerPathOptions>, CareerPathOptionsValidator>());
        // The monitor's value is the instance start-up validation loaded the pack for, so it loads once.
        services.TryAddSingleton(provider =>
            provider.GetRequiredService<ConfiguredPackLoader>().Load(Options(provider)));
        services.TryAddSingleton(provider =>
        {
            // Reloads read the options anew, so a changed configuration reloads too.
            var monitor = provider.GetRequiredService<IOptionsMonitor<CareerPathOptions>>();
            var planner = new ReloadingCareerPlanner(
                () => ConfiguredPackLoader.LoadChecked(monitor),
                provider.GetRequiredService<RuleSet>(),
                [.. monitor.CurrentValue.RulePackPaths],
                Logger(provider, typeof(RulePackLoader)),
                TimeSpan.FromMilliseconds(300),
                monitor.CurrentValue.Limits);
            planner.Own(monitor.OnChange(_ => planner.Reload()));
            return planner;
        });
        services.TryAddSingleton<ICareerPlanner>(provider => new ConfiguredCareerPlanner(
            Options(provider).WatchForChanges
                ? provider.GetRequiredService<ReloadingCareerPlanner>()
                : new CareerPlanner(provider.GetRequiredService<RuleSet>(), Options(provider).Limits ?? InputLimits.Default),
            Options(provider).DefaultLanguage,
            Logger(provider, typeof(CareerPlanner))));
        return services;
    }

    private static CareerPathOptions Options(IServiceProvider provider) =>
        provider.GetRequiredService<IOptionsMonitor<CareerPathOptions>>().CurrentValue;

    private static ILogger Logger(IServiceProvider provider, Type category) =>
        (provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(category.FullName!);
}
