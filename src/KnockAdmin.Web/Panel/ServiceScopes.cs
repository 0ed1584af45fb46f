namespace KnockAdmin.Web.Panel;

/// <summary>
/// Runs one operation on services of a fresh scope. A circuit lives for hours; a DbContext should live for one
/// operation, so pages never hold one (and two clicks never share one).
/// </summary>
public sealed class ServiceScopes(IServiceScopeFactory factory)
{
    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> operation)
        where TService : notnull
    {
        await using var scope = factory.CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task RunAsync<TService>(Func<TService, Task> operation)
        where TService : notnull
    {
        await using var scope = factory.CreateAsyncScope();
        await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
