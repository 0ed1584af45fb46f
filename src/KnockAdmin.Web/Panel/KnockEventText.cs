using KnockAdmin.Core.History;

namespace KnockAdmin.Web.Panel;

/// <summary>A knock history line in words.</summary>
public static class KnockEventText
{
    public static string KindOf(KnockEventKind kind) => kind switch
    {
        KnockEventKind.Completed => "Completed",
        KnockEventKind.Stopped => "Stopped partway",
        KnockEventKind.Granted => "Granted",
        KnockEventKind.Revoked => "Revoked",
        _ => kind.ToString(),
    };

    public static string Detail(KnockEvent knock)
    {
        ArgumentNullException.ThrowIfNull(knock);
        var stage = knock.Stage is { } done ? $"stage {done}" : "the open window";
        return knock.Kind switch
        {
            KnockEventKind.Completed => knock.StepCount is { } steps ? $"knocked all {steps} ports" : "knocked the whole sequence",
            KnockEventKind.Stopped => $"stopped after {knock.Stage} of {knock.StepCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} knocks",
            KnockEventKind.Granted => $"put into {stage} by {ActorText.Of(knock.Actor)}",
            KnockEventKind.Revoked => $"taken out of {stage} by {ActorText.Of(knock.Actor)}",
            _ => "",
        };
    }
}
