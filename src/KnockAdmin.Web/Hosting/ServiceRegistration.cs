using System.Text.Json;
using System.Text.Json.Serialization;
using KnockAdmin.Infrastructure;
using KnockAdmin.Web.Api;

namespace KnockAdmin.Web.Hosting;

public static class ServiceRegistration
{
    public static IServiceCollection AddKnockAdminWeb(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();

        services.AddKnockAdminStorage();
        services.AddKnockAdminFirewall(SelfCommandFactory.Create());
        services.AddKnockAdminMonitors();
        services.AddKnockAdminApi();
        services.AddKnockAdminUi();
        return services;
    }

    private static IServiceCollection AddKnockAdminApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddApiTokenAuthentication();
        return services;
    }
}
