using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace KnockAdmin.Web.Security;

/// <summary>
/// Data Protection as every KnockAdmin process uses it: one application name and the <c>keys</c> directory next to the
/// database, so the panel's cookies and the secrets it stores can be read by the command line too.
/// </summary>
public static class DataProtectionRegistration
{
    public const string ApplicationName = "KnockAdmin";

    public static IServiceCollection AddKnockAdminDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((keys, provider) =>
        {
            if (DataProtectionKeys.DirectoryFor(Infrastructure.ServiceCollectionExtensions.ResolveConnectionString(provider)) is { } directory)
            {
                keys.XmlRepository = new FileSystemXmlRepository(DataProtectionKeys.Create(directory), provider.GetRequiredService<ILoggerFactory>());
            }
        });
        return services;
    }
}
