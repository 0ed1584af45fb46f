namespace KnockAdmin.Infrastructure.Auditing;

/// <summary>The names of audited actions, so that the log can be filtered reliably.</summary>
public static class AuditActions
{
    public const string ProfileCreate = "profile.create";
    public const string ProfileUpdate = "profile.update";
    public const string ProfileDelete = "profile.delete";
    public const string SettingsUpdate = "settings.update";
    public const string PublicAddressUpdate = "clients.address";
    public const string ConfigReplace = "config.replace";
    public const string ConfigDiscard = "config.discard";
    public const string TokenCreate = "token.create";
    public const string TokenRevoke = "token.revoke";
    public const string UserAdd = "user.add";
    public const string UserPassword = "user.password";
    public const string UserDisable = "user.disable";
    public const string UserEnable = "user.enable";
    public const string UserRemove = "user.remove";
    public const string Login = "login";
    public const string Apply = "apply";
    public const string Confirm = "confirm";
    public const string Revert = "revert";
    public const string Rollback = "rollback";
    public const string RecentRevoke = "recent.revoke";
    public const string RecentGrant = "recent.grant";
    public const string RecentFlush = "recent.flush";
    public const string RotationFailure = "rotation.failure";
    public const string SecretReplace = "profile.secret";
}
