using System.Reflection;
using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Web.Hosting;

namespace KnockAdmin.Architecture.Tests;

/// <summary>The product's assemblies, found through a type each of them surely holds.</summary>
internal static class Assemblies
{
    public static readonly Assembly Core = typeof(RuleGenerator).Assembly;

    public static readonly Assembly Infrastructure = typeof(KnockAdminDbContext).Assembly;

    public static readonly Assembly Web = typeof(WebApp).Assembly;
}
