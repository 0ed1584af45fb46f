using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Data;

/// <summary>Everything KnockAdmin keeps: profiles, host settings, revisions, audit log, API tokens, users, their
/// sessions, the sign-in throttle, notifications and the knock history.</summary>
public sealed class KnockAdminDbContext(DbContextOptions<KnockAdminDbContext> options) : DbContext(options)
{
    public DbSet<ProfileEntity> Profiles => Set<ProfileEntity>();

    public DbSet<HostSettingsEntity> HostSettings => Set<HostSettingsEntity>();

    public DbSet<ClientSettingsEntity> ClientSettings => Set<ClientSettingsEntity>();

    public DbSet<ProfileSecretEntity> ProfileSecrets => Set<ProfileSecretEntity>();

    public DbSet<RotationStateEntity> RotationStates => Set<RotationStateEntity>();

    public DbSet<RevisionEntity> Revisions => Set<RevisionEntity>();

    public DbSet<AuditEntryEntity> AuditEntries => Set<AuditEntryEntity>();

    public DbSet<ApiTokenEntity> ApiTokens => Set<ApiTokenEntity>();

    public DbSet<UserEntity> Users => Set<UserEntity>();

    public DbSet<NotificationSettingsEntity> NotificationSettings => Set<NotificationSettingsEntity>();

    public DbSet<NotificationChannelEntity> NotificationChannels => Set<NotificationChannelEntity>();

    public DbSet<NotificationOutboxEntity> NotificationOutbox => Set<NotificationOutboxEntity>();

    public DbSet<NotificationDeliveryEntity> NotificationDeliveries => Set<NotificationDeliveryEntity>();

    public DbSet<SessionEntity> Sessions => Set<SessionEntity>();

    public DbSet<LoginThrottleEntity> LoginThrottles => Set<LoginThrottleEntity>();

    public DbSet<KnockEventEntity> KnockEvents => Set<KnockEventEntity>();

    public DbSet<FirstKnockTallyEntity> FirstKnockTallies => Set<FirstKnockTallyEntity>();

    public DbSet<KnockHistoryMarkEntity> KnockHistoryMarks => Set<KnockHistoryMarkEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset text; Unix milliseconds sort and compare natively.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProfileEntity>(profile =>
        {
            profile.ToTable("Profiles");
            profile.HasIndex(p => p.Name).IsUnique();
            profile.Property(p => p.Name).HasMaxLength(100);
            profile.Property(p => p.Steps).HasJsonConversion();
            profile.Property(p => p.ProtectedPorts).HasJsonConversion();
            profile.Property(p => p.Version).IsConcurrencyToken();
            // The migration gives rows from before rotation "Static" and the default rotation settings.
            profile.Property(p => p.Mode).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<ProfileSecretEntity>(secret =>
        {
            secret.ToTable("ProfileSecrets");
            secret.HasKey(s => s.ProfileId);
            secret.HasOne<ProfileEntity>().WithOne().HasForeignKey<ProfileSecretEntity>(s => s.ProfileId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RotationStateEntity>(state =>
        {
            state.ToTable("RotationStates");
            state.HasKey(s => s.Profile);
            state.Property(s => s.Profile).HasMaxLength(100);
        });

        modelBuilder.Entity<ClientSettingsEntity>(settings =>
        {
            settings.ToTable("ClientSettings");
            settings.Property(s => s.Id).ValueGeneratedNever();
        });

        modelBuilder.Entity<HostSettingsEntity>(settings =>
        {
            settings.ToTable("HostSettings");
            settings.Property(s => s.Id).ValueGeneratedNever();
            settings.Property(s => s.PublicPorts).HasJsonConversion();
            settings.Property(s => s.TrustedInterfaces).HasJsonConversion();
            settings.Property(s => s.TrustedSources).HasJsonConversion();
            settings.Property(s => s.Options).HasJsonRecordConversion();
            settings.Property(s => s.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<RevisionEntity>(revision =>
        {
            revision.ToTable("Revisions");
            revision.Property(r => r.State).HasConversion<string>().HasMaxLength(32);
            revision.HasIndex(r => r.State);
            revision.HasOne<RevisionEntity>().WithMany().HasForeignKey(r => r.RollbackOfRevisionId)
                .OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<AuditEntryEntity>(entry =>
        {
            entry.ToTable("AuditEntries");
            entry.HasIndex(e => e.Time);
        });

        modelBuilder.Entity<ApiTokenEntity>(token =>
        {
            token.ToTable("ApiTokens");
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.HasIndex(t => t.NameKey).IsUnique();
        });

        modelBuilder.Entity<UserEntity>(user =>
        {
            user.ToTable("Users");
            user.HasIndex(u => u.Name).IsUnique();
            user.HasIndex(u => u.NameKey).IsUnique();
            user.HasMany(u => u.Sessions).WithOne(s => s.User).HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SessionEntity>(session =>
        {
            session.ToTable("Sessions");
            session.HasIndex(s => s.TokenHash).IsUnique();
            session.Property(s => s.TokenHash).HasMaxLength(64);
            session.Property(s => s.UserAgent).HasMaxLength(256);
            session.HasIndex(s => s.LastSeenAt);
        });

        modelBuilder.Entity<LoginThrottleEntity>(throttle =>
        {
            throttle.ToTable("LoginThrottles");
            throttle.HasKey(t => t.Key);
            throttle.Property(t => t.Key).HasMaxLength(300);
            throttle.HasIndex(t => t.LastAttemptAt);
        });

        NotificationModel.Configure(modelBuilder);
        KnockHistoryModel.Configure(modelBuilder);
    }
}
