using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Data;

/// <summary>The notification tables: settings version, channels, the outbox of events and their deliveries.</summary>
internal static class NotificationModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<NotificationSettingsEntity>(settings =>
        {
            settings.ToTable("NotificationSettings");
            settings.Property(s => s.Id).ValueGeneratedNever();
            settings.Property(s => s.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<NotificationChannelEntity>(channel =>
        {
            channel.ToTable("NotificationChannels");
            // Names are unique by validation under the write lock; no index, so that two channels can swap names in one save.
            channel.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
            channel.Property(c => c.SmtpTls).HasConversion<string>().HasMaxLength(16);
            channel.Property(c => c.Events).HasJsonConversion();
            channel.Property(c => c.MailTo).HasJsonConversion();
        });

        modelBuilder.Entity<NotificationOutboxEntity>(outbox =>
        {
            outbox.ToTable("NotificationOutbox");
            outbox.HasIndex(o => o.EventId).IsUnique();
            outbox.HasIndex(o => o.DispatchedAt);
            outbox.HasIndex(o => o.OccurredAt);
            outbox.Property(o => o.Type).HasMaxLength(64);
            outbox.HasMany(o => o.Deliveries).WithOne(d => d.Outbox).HasForeignKey(d => d.OutboxId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<NotificationDeliveryEntity>(delivery =>
        {
            delivery.ToTable("NotificationDeliveries");
            delivery.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
            delivery.Property(d => d.ChannelKind).HasConversion<string>().HasMaxLength(16);
            delivery.HasIndex(d => new { d.State, d.NextAttemptAt });
            delivery.HasOne<NotificationChannelEntity>().WithMany().HasForeignKey(d => d.ChannelId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}
