using KnockAdmin.Infrastructure;
using KnockAdmin.Infrastructure.Notifications;
using KnockAdmin.Web.Api;
using KnockAdmin.Web.Security;

namespace KnockAdmin.Web.Hosting;

public static class ServiceRegistration
{
    public static IServiceCollection AddKnockAdminWeb(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();

        services.AddKnockAdminStorage();
        services.AddKnockAdminFirewall(SelfCommandFactory.Create());
        services.AddKnockAdminMonitors();
        services.AddKnockAdminNotifications();
        services.AddKnockAdminApi();
        services.AddKnockAdminSecurity();
        services.AddKnockAdminUi();
        return services;
    }

    private static IServiceCollection AddKnockAdminApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<FailureProblemHandler>();
        services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecurityTransformer>());
        services.AddApiTokenAuthentication();
        return services;
    }
}
