namespace KnockAdmin.Web.Security;

/// <summary>Marks the few pages that work before the first admin exists (the set-up pages); every other page
/// redirects to <see cref="UiAuthentication.SetupRequiredPath"/> until then.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AvailableWithoutAdminAttribute : Attribute;
