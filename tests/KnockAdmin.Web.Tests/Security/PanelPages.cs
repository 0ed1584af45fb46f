using System.Reflection;
using System.Text.RegularExpressions;
using KnockAdmin.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace KnockAdmin.Web.Tests.Security;

/// <summary>Every routable page of the panel, found by reflection, so that pages added later are covered too.</summary>
public static partial class PanelPages
{
    public static IReadOnlyList<Type> All { get; } = typeof(Program).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any())
        .OrderBy(t => t.FullName)
        .ToList();

    public static bool AllowsAnonymous(Type page) => page.GetCustomAttributes(inherit: true).OfType<IAllowAnonymous>().Any();

    public static bool IsAvailableWithoutAdmin(Type page) => page.GetCustomAttribute<AvailableWithoutAdminAttribute>() is not null;

    /// <summary>Whether only admins may open <paramref name="page"/> (by role or by <see cref="UiPolicies.Admin"/>).</summary>
    public static bool IsAdminOnly(Type page) => page.GetCustomAttributes<AuthorizeAttribute>(inherit: true)
        .Any(a => a.Policy == UiPolicies.Admin || (a.Roles?.Split(',').Select(r => r.Trim()).SequenceEqual(["admin"]) ?? false));

    /// <summary>A request path for each route template of <paramref name="pages"/>, with "1" for every parameter.</summary>
    public static IEnumerable<string> Paths(IEnumerable<Type> pages) => pages
        .SelectMany(p => p.GetCustomAttributes<RouteAttribute>())
        .Select(r => RouteParameter().Replace(r.Template, "1"))
        .Select(path => path.StartsWith('/') ? path : "/" + path)
        .Distinct();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
