using HomelabManager.Jobs.Api;

namespace HomelabManager.Jobs;

/// <summary>
/// Renders a <see cref="NomadJob"/> as a readable Nomad jobspec for review (<c>render --format hcl</c>).
/// Durations appear as Go duration strings (<c>"30s"</c>); every string is HCL-escaped, including
/// <c>${</c> and <c>%{</c>, so the text means exactly what the API JSON means. The API JSON stays the
/// source of truth; this is a view of it.
/// </summary>
internal static class NomadJobHclWriter
{
    /// <summary>The jobspec text, ending with a newline.</summary>
    public static string Write(NomadJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var root = new HclBlock($"job {HclText.Quote(job.Id)}");
        if (job.Name != job.Id)
        {
            root.Attribute("name", HclText.Quote(job.Name));
        }

        root.Attribute("region", Str(job.Region))
            .Attribute("namespace", Str(job.Namespace))
            .Attribute("datacenters", job.Datacenters is null ? null : HclText.List(job.Datacenters))
            .Attribute("node_pool", Str(job.NodePool))
            .Attribute("type", HclText.Quote(job.Type))
            .Attribute("priority", Num(job.Priority));
        root.Map("meta", job.Meta);
        WriteConstraints(root, job.Constraints);
        foreach (var group in job.TaskGroups)
        {
            WriteGroup(root.Block("group", group.Name), group);
        }

        return root.ToString();
    }

    private static void WriteGroup(HclBlock block, NomadTaskGroup group)
    {
        block.Attribute("count", Num(group.Count));
        block.Map("meta", group.Meta);
        WriteConstraints(block, group.Constraints);

        foreach (var network in group.Networks ?? [])
        {
            var net = block.Block("network").Attribute("mode", Str(network.Mode));
            foreach (var port in network.ReservedPorts ?? [])
            {
                net.Block("port", port.Label).Attribute("static", Num(port.Value)).Attribute("to", Num(port.To));
            }

            foreach (var port in network.DynamicPorts ?? [])
            {
                net.Block("port", port.Label).Attribute("to", Num(port.To));
            }
        }

        foreach (var (name, volume) in group.Volumes ?? new Dictionary<string, NomadVolumeRequest>())
        {
            block.Block("volume", name)
                .Attribute("type", HclText.Quote(volume.Type))
                .Attribute("source", HclText.Quote(volume.Source))
                .Attribute("read_only", Bool(volume.ReadOnly))
                .Attribute("access_mode", Str(volume.AccessMode))
                .Attribute("attachment_mode", Str(volume.AttachmentMode));
        }

        foreach (var service in group.Services ?? [])
        {
            WriteService(block.Block("service"), service);
        }

        if (group.Update is { } update)
        {
            block.Block("update")
                .Attribute("max_parallel", Num(update.MaxParallel))
                .Attribute("health_check", Str(update.HealthCheck))
                .Attribute("min_healthy_time", Dur(update.MinHealthyTime))
                .Attribute("healthy_deadline", Dur(update.HealthyDeadline))
                .Attribute("progress_deadline", Dur(update.ProgressDeadline))
                .Attribute("auto_revert", Bool(update.AutoRevert));
        }

        if (group.RestartPolicy is { } restart)
        {
            block.Block("restart")
                .Attribute("attempts", Num(restart.Attempts))
                .Attribute("interval", Dur(restart.Interval))
                .Attribute("delay", Dur(restart.Delay))
                .Attribute("mode", Str(restart.Mode));
        }

        if (group.ReschedulePolicy is { } reschedule)
        {
            block.Block("reschedule")
                .Attribute("attempts", Num(reschedule.Attempts))
                .Attribute("interval", Dur(reschedule.Interval))
                .Attribute("delay", Dur(reschedule.Delay))
                .Attribute("delay_function", Str(reschedule.DelayFunction))
                .Attribute("max_delay", Dur(reschedule.MaxDelay))
                .Attribute("unlimited", Bool(reschedule.Unlimited));
        }

        foreach (var task in group.Tasks)
        {
            WriteTask(block.Block("task", task.Name), task);
        }
    }

    private static void WriteService(HclBlock block, NomadService service)
    {
        block.Attribute("name", HclText.Quote(service.Name))
            .Attribute("provider", Str(service.Provider))
            .Attribute("port", Str(service.PortLabel))
            .Attribute("tags", service.Tags is null ? null : HclText.List(service.Tags));
        block.Map("meta", service.Meta);
        foreach (var check in service.Checks ?? [])
        {
            block.Block("check")
                .Attribute("name", Str(check.Name))
                .Attribute("type", HclText.Quote(check.Type))
                .Attribute("path", Str(check.Path))
                .Attribute("interval", Dur(check.Interval))
                .Attribute("timeout", Dur(check.Timeout));
        }
    }

    private static void WriteTask(HclBlock block, NomadTask task)
    {
        block.Attribute("driver", HclText.Quote(task.Driver)).Attribute("user", Str(task.User));

        var config = task.Config;
        block.Block("config")
            .Attribute("image", HclText.Quote(config.Image))
            .Attribute("ports", config.Ports is null ? null : HclText.List(config.Ports))
            .Attribute("command", Str(config.Command))
            .Attribute("args", config.Args is null ? null : HclText.List(config.Args))
            .Attribute("privileged", Bool(config.Privileged))
            .Attribute("cap_add", config.CapAdd is null ? null : HclText.List(config.CapAdd))
            .Attribute("force_pull", Bool(config.ForcePull))
            .Attribute("network_mode", Str(config.NetworkMode));

        block.Map("env", task.Env);
        block.Map("meta", task.Meta);

        foreach (var mount in task.VolumeMounts ?? [])
        {
            block.Block("volume_mount")
                .Attribute("volume", HclText.Quote(mount.Volume))
                .Attribute("destination", HclText.Quote(mount.Destination))
                .Attribute("read_only", Bool(mount.ReadOnly));
        }

        if (task.Vault is { } vault)
        {
            block.Block("vault").Attribute("role", Str(vault.Role)).Attribute("change_mode", Str(vault.ChangeMode));
        }

        foreach (var identity in task.Identities ?? [])
        {
            block.Block("identity")
                .Attribute("name", HclText.Quote(identity.Name))
                .Attribute("aud", identity.Audience is null ? null : HclText.List(identity.Audience))
                .Attribute("env", Bool(identity.Env))
                .Attribute("file", Bool(identity.File))
                .Attribute("ttl", Dur(identity.Ttl));
        }

        foreach (var template in task.Templates ?? [])
        {
            block.Block("template")
                .Attribute("data", HclText.QuoteOrHeredoc(template.EmbeddedTmpl))
                .Attribute("destination", HclText.Quote(template.DestPath))
                .Attribute("change_mode", Str(template.ChangeMode))
                .Attribute("change_signal", Str(template.ChangeSignal))
                .Attribute("perms", Str(template.Perms))
                .Attribute("env", Bool(template.Envvars));
        }

        if (task.Resources is { } resources)
        {
            block.Block("resources").Attribute("cpu", Num(resources.Cpu)).Attribute("memory", Num(resources.MemoryMB));
        }

        foreach (var service in task.Services ?? [])
        {
            WriteService(block.Block("service"), service);
        }
    }

    private static void WriteConstraints(HclBlock block, IReadOnlyList<NomadConstraint>? constraints)
    {
        foreach (var constraint in constraints ?? [])
        {
            block.Block("constraint")
                .Attribute("attribute", Str(constraint.LTarget))
                .Attribute("operator", HclText.Quote(constraint.Operand))
                .Attribute("value", Str(constraint.RTarget));
        }
    }

    private static string? Str(string? value) => value is null ? null : HclText.Quote(value);

    private static string? Num(long? value) => value is { } number ? HclText.Number(number) : null;

    private static string? Bool(bool? value) => value is { } flag ? HclText.Bool(flag) : null;

    private static string? Dur(NomadDuration? value) => value is { } duration ? HclText.Quote(duration.ToString()) : null;
}
