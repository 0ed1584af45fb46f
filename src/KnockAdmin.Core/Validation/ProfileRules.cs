using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Validation;

/// <summary>Checks of one profile on its own; see <see cref="CrossProfileRules"/> for checks against the rest.</summary>
internal static class ProfileRules
{
    public static CheckedProfile Check(KnockProfile profile, int index, GeneratorOptions? options, IssueCollector issues)
    {
        var field = FieldPath.Profile(index);
        ProfileNameRules.Check(profile.Name, FieldPath.Member(field, "name"), issues);
        // A rotating profile's sequence is drawn each period from its range; whatever its steps say is unused.
        var steps = profile.Mode == ProfileMode.Rotating ? [] : CheckSteps(profile.Steps, FieldPath.Member(field, "steps"), options, issues);
        if (profile.Mode == ProfileMode.Rotating)
        {
            RotationRules.Check(profile.Rotation, FieldPath.Member(field, "rotation"), issues);
        }
        else if (!Enum.IsDefined(profile.Mode))
        {
            issues.Error(FieldPath.Member(field, "mode"), $"Mode {(int)profile.Mode} is unknown; use static or rotating.");
        }

        var protectedPorts = CheckProtectedPorts(profile.ProtectedPorts, FieldPath.Member(field, "protectedPorts"), issues);
        CheckRange(profile.StepTimeoutSeconds, ValidationLimits.MinStepTimeoutSeconds, ValidationLimits.MaxStepTimeoutSeconds,
            FieldPath.Member(field, "stepTimeoutSeconds"), "Step timeout", issues);
        CheckRange(profile.OpenWindowSeconds, ValidationLimits.MinOpenWindowSeconds, ValidationLimits.MaxOpenWindowSeconds,
            FieldPath.Member(field, "openWindowSeconds"), "Open window", issues);
        return new CheckedProfile(index, profile, steps, protectedPorts);
    }

    private static List<CheckedPort> CheckSteps(IReadOnlyList<PortSpec?>? steps, string field, GeneratorOptions? options, IssueCollector issues)
    {
        if (steps is null)
        {
            issues.Error(field, $"Steps are missing; a profile needs {ValidationLimits.MinSteps}–{ValidationLimits.MaxSteps} knock steps.");
            return [];
        }

        if (steps.Count < ValidationLimits.MinSteps)
        {
            issues.Error(field, $"There is no knock step; a profile needs {ValidationLimits.MinSteps}–{ValidationLimits.MaxSteps}.");
        }
        else if (steps.Count > ValidationLimits.MaxSteps)
        {
            issues.Error(field, $"{steps.Count} steps are too many; at most {ValidationLimits.MaxSteps} are allowed.");
        }
        else if (steps.Count < ValidationLimits.RecommendedMinSteps)
        {
            issues.Warning(field, $"Only {steps.Count} step{(steps.Count == 1 ? "" : "s")}: a short sequence is easy to find by trying; use {ValidationLimits.RecommendedMinSteps} or more.");
        }

        var usable = new List<CheckedPort>();
        for (var i = 0; i < steps.Count; i++)
        {
            var stepField = FieldPath.Item(field, i);
            if (PortSpecRules.Check(steps[i], stepField, $"Step {i + 1}", issues))
            {
                usable.Add(new CheckedPort(steps[i]!, i, stepField));
            }
        }

        foreach (var step in usable.Where(step => step.Spec.Port < ValidationLimits.FirstUnprivilegedPort))
        {
            issues.Warning(FieldPath.Member(step.Field, "port"), $"Port {step.Spec.Port} is below {ValidationLimits.FirstUnprivilegedPort}: well-known ports are scanned and probed all the time, which disturbs sequences in progress; prefer {ValidationLimits.FirstUnprivilegedPort}–{ValidationLimits.MaxPort}.");
        }

        if (usable.Count == steps.Count)
        {
            WarnIfMonotonic(usable, field, issues);
        }

        if (options?.TolerateRepeatedStep == true)
        {
            RejectRepeats(usable, issues);
        }

        return usable;
    }

    private static void WarnIfMonotonic(List<CheckedPort> steps, string field, IssueCollector issues)
    {
        if (steps.Count < 2)
        {
            return;
        }

        var pairs = steps.Zip(steps.Skip(1)).ToList();
        var direction = pairs.All(pair => pair.First.Spec.Port < pair.Second.Spec.Port) ? "up"
            : pairs.All(pair => pair.First.Spec.Port > pair.Second.Spec.Port) ? "down"
            : null;
        if (direction is not null)
        {
            var ports = string.Join(", ", steps.Select(step => step.Spec.Port));
            issues.Warning(field, $"The ports only go {direction} ({ports}): a sequential port scan knocks them in this order. Mix the order.");
        }
    }

    private static void RejectRepeats(List<CheckedPort> steps, IssueCollector issues)
    {
        foreach (var (previous, step) in steps.Zip(steps.Skip(1))
                     .Where(pair => pair.Second.Index == pair.First.Index + 1 && pair.First.Spec == pair.Second.Spec))
        {
            issues.Error(step.Field, $"Step {step.Index + 1} repeats step {previous.Index + 1} ({step.Spec}). With {FieldPath.TolerateRepeatedStep} on, a repeat cannot be told from a retransmitted knock; change this step or turn the option off.",
                $"Step {step.Index + 1} repeats step {previous.Index + 1} ({step.Spec}). With \"Tolerate a repeated knock\" on (Firewall settings), a repeat cannot be told from a retransmitted knock; change this step or turn the option off.");
        }
    }

    private static List<CheckedPort> CheckProtectedPorts(IReadOnlyList<PortSpec?>? ports, string field, IssueCollector issues)
    {
        if (ports is null)
        {
            issues.Error(field, "Protected ports are missing; a profile must protect at least one port (e.g. tcp/22).");
            return [];
        }

        if (ports.Count == 0)
        {
            issues.Error(field, "There is no protected port, so the sequence would open nothing; add at least one (e.g. tcp/22).");
        }

        var usable = new List<CheckedPort>();
        for (var i = 0; i < ports.Count; i++)
        {
            var portField = FieldPath.Item(field, i);
            if (!PortSpecRules.Check(ports[i], portField, "Protected port", issues))
            {
                continue;
            }

            var earlier = usable.FirstOrDefault(port => port.Spec == ports[i]);
            if (earlier is not null)
            {
                issues.Error(portField, $"{ports[i]} is listed twice (also {earlier.Field}).", $"{ports[i]} is listed twice.");
                continue;
            }

            usable.Add(new CheckedPort(ports[i]!, i, portField));
        }

        return usable;
    }

    private static void CheckRange(int value, int min, int max, string field, string what, IssueCollector issues)
    {
        if (value < min || value > max)
        {
            issues.Error(field, $"{what} {value} s is outside {min}–{max} s.");
        }
    }
}
