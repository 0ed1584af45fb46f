using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Infrastructure.Data;

/// <summary>The knock history tables: events, first-knock tallies and the reading mark.</summary>
internal static class KnockHistoryModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KnockEventEntity>(entry =>
        {
            entry.ToTable("KnockEvents");
            entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
            entry.Property(e => e.Profile).HasMaxLength(100);
            entry.Property(e => e.Address).HasMaxLength(64);
            entry.Property(e => e.Actor).HasMaxLength(200);
            // Covers the charts' grouping (time, kind, profile) without reading the rows.
            entry.HasIndex(e => new { e.At, e.Kind, e.Profile });
            entry.HasIndex(e => new { e.Address, e.At });
        });

        modelBuilder.Entity<FirstKnockTallyEntity>(tally =>
        {
            tally.ToTable("FirstKnockTallies");
            tally.HasKey(t => new { t.Profile, t.HourStart });
            tally.Property(t => t.Profile).HasMaxLength(100);
        });

        modelBuilder.Entity<KnockHistoryMarkEntity>(mark =>
        {
            mark.ToTable("KnockHistoryMark");
            mark.Property(m => m.Id).ValueGeneratedNever();
        });
    }
}
