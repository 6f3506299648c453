using System.Security.Cryptography;
using HomelabManager.Definitions;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Jobs;

/// <summary>
/// Turns a bound, validated <see cref="ServiceDefinition"/> into the Nomad API job that runs it
/// (SPEC §5): one group, one docker task, group network ports, Consul registration with a check,
/// dynamic host volumes, Vault env template, update/restart/reschedule defaults and ownership Meta.
/// Integrations add to it through <see cref="IJobContribution"/>.
/// </summary>
internal sealed class NomadJobBuilder
{
    private static readonly NomadDuration CheckInterval = NomadDuration.FromSeconds(10);
    private static readonly NomadDuration CheckTimeout = NomadDuration.FromSeconds(2);

    private readonly NomadJobBuilderOptions _options;
    private readonly IReadOnlyList<IJobContribution> _contributions;

    public NomadJobBuilder(NomadJobBuilderOptions? options = null, IEnumerable<IJobContribution>? contributions = null)
    {
        _options = options ?? NomadJobBuilderOptions.Default;
        _contributions = [.. contributions ?? []];
    }

    /// <summary>Builds the job(s) of <paramref name="definition"/>. Throws <see cref="InvalidOperationException"/> on an inconsistent definition or contribution.</summary>
    public BuiltServiceJobs Build(ServiceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var service = ServiceDefinitionNormalizer.Normalize(definition);
        var definitionHash = DefinitionFingerprint.Compute(service);

        var ports = MergeProtocolTwins(service.Container.Ports.Select(p => (Port: p, Label: PortLabels.For(p))));
        var duplicateLabel = ports.GroupBy(p => p.Label, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicateLabel is not null)
        {
            throw new InvalidOperationException($"service '{service.Name}': port label '{duplicateLabel.Key}' is used twice");
        }

        var duplicateHostPort = ports
            .Where(p => p.Port.External is not null)
            .GroupBy(p => p.Port.External)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicateHostPort is not null)
        {
            // Nomad rejects two reserved ports with the same value (port collision); the docker driver
            // already publishes both TCP and UDP for one port label.
            throw new InvalidOperationException(
                $"service '{service.Name}': host port {duplicateHostPort.Key} is reserved twice; one port serves both tcp and udp");
        }

        var checkedPort = ports.FirstOrDefault(p => p.Port.Protocol == PortProtocol.Tcp).Label;
        var servicePortLabel = checkedPort ?? ports.Select(p => p.Label).FirstOrDefault();

        var context = new JobContributionContext(service, _options, servicePortLabel);
        foreach (var contribution in _contributions)
        {
            contribution.Contribute(context);
        }

        var services = BuildServices(service, context, checkedPort);
        var hasChecks = services?.Any(s => s.Checks is { Count: > 0 }) == true;

        var group = new NomadTaskGroup
        {
            Name = service.Name,
            Count = service.Count,
            Constraints = BuildConstraints(service.Constraints),
            Tasks = [BuildTask(service, context, ports.Select(p => p.Label).ToList())],
            Volumes = BuildVolumes(service.Volumes),
            RestartPolicy = new NomadRestartPolicy
            {
                Attempts = 3,
                Interval = NomadDuration.FromMinutes(30),
                Delay = NomadDuration.FromSeconds(15),
                Mode = "fail",
            },
            ReschedulePolicy = new NomadReschedulePolicy
            {
                Delay = NomadDuration.FromSeconds(30),
                DelayFunction = "exponential",
                MaxDelay = NomadDuration.FromHours(1),
                Unlimited = true,
            },
            Update = new NomadUpdateStrategy
            {
                MaxParallel = 1,
                // Without a check (no TCP port), health is "all tasks running".
                HealthCheck = hasChecks ? "checks" : "task_states",
                MinHealthyTime = NomadDuration.FromSeconds(10),
                HealthyDeadline = NomadDuration.FromMinutes(5),
                ProgressDeadline = NomadDuration.FromMinutes(10),
                AutoRevert = true,
            },
            Networks = BuildNetworks(ports),
            Services = services,
        };

        var job = new NomadJob
        {
            Region = _options.Region,
            Namespace = _options.Namespace,
            Id = service.Name,
            Name = service.Name,
            Type = "service",
            Datacenters = [.. _options.Datacenters],
            NodePool = _options.NodePool,
            TaskGroups = [group],
            Meta = BuildMeta(service, context, definitionHash),
        };

        return new BuiltServiceJobs(WithJobHash(job), [.. context.AdditionalJobs], definitionHash);
    }

    /// <summary>
    /// One Nomad port for a TCP and a UDP port with the same container and host port (DNS on 53, say):
    /// the docker driver publishes both protocols for a port label, and Nomad rejects the same
    /// reserved port twice. The TCP twin's label is kept, so health checks still find it.
    /// </summary>
    private static List<(ContainerPort Port, string Label)> MergeProtocolTwins(IEnumerable<(ContainerPort Port, string Label)> ports)
    {
        var merged = new List<(ContainerPort Port, string Label)>();
        foreach (var port in ports)
        {
            var twin = merged.FindIndex(m =>
                m.Port.Internal == port.Port.Internal && m.Port.External == port.Port.External && m.Port.Protocol != port.Port.Protocol);
            if (twin < 0)
            {
                merged.Add(port);
            }
            else if (port.Port.Protocol == PortProtocol.Tcp)
            {
                merged[twin] = port;
            }
        }

        return merged;
    }

    /// <summary>
    /// SHA-256 over the compact JSON of <paramref name="job"/> without the job-hash and bookkeeping Meta keys
    /// (tool version, expected job version, restart nonce), so a tool upgrade that does not change the output,
    /// or the deployment's own bookkeeping, does not change the hash.
    /// </summary>
    public static string ComputeJobHash(NomadJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var meta = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in job.Meta ?? new Dictionary<string, string>())
        {
            if (key is not JobMetaKeys.JobHash && !JobMetaKeys.IsBookkeeping(key))
            {
                meta[key] = value;
            }
        }

        var unhashed = job with { Meta = meta };
        return Convert.ToHexStringLower(SHA256.HashData(NomadJobJson.SerializeToUtf8Bytes(unhashed)));
    }

    private static NomadJob WithJobHash(NomadJob job)
    {
        var meta = new SortedDictionary<string, string>(job.Meta!.ToDictionary(), StringComparer.Ordinal)
        {
            [JobMetaKeys.JobHash] = ComputeJobHash(job),
        };
        return job with { Meta = meta };
    }

    private SortedDictionary<string, string> BuildMeta(ServiceDefinition service, JobContributionContext context, string definitionHash)
    {
        var meta = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in context.JobMeta)
        {
            if (JobMetaKeys.IsReserved(key))
            {
                throw new InvalidOperationException($"service '{service.Name}': a contribution set the reserved job meta key '{key}'");
            }

            meta[key] = value;
        }

        meta[JobMetaKeys.ManagedBy] = JobMetaKeys.ManagedByValue;
        meta[JobMetaKeys.Version] = _options.ToolVersion;
        meta[JobMetaKeys.DefinitionHash] = definitionHash;
        return meta;
    }

    private NomadTask BuildTask(ServiceDefinition service, JobContributionContext context, IReadOnlyList<string> portLabels)
    {
        var container = service.Container;
        var hasVault = service.Env.Any(e => e.Value is VaultEnvValue);
        return new NomadTask
        {
            Name = service.Name,
            Driver = "docker",
            User = container.User,
            Config = new DockerTaskConfig
            {
                Image = container.Image,
                Ports = NullIfEmpty(portLabels),
                Command = container.Command,
                Args = NullIfEmpty(container.Args),
                Privileged = container.Privileged ? true : null,
                CapAdd = NullIfEmpty(container.CapAdd),
            },
            Env = BuildEnv(service, context),
            Resources = new NomadResources { Cpu = service.Resources.Cpu, MemoryMB = service.Resources.MemoryMB },
            Vault = hasVault ? new NomadVault { Role = _options.Vault.Role } : null,
            Templates = BuildTemplates(service, context),
            VolumeMounts = NullIfEmpty(service.Volumes
                .Select(v => new NomadVolumeMount { Volume = v.Name, Destination = v.Path, ReadOnly = v.ReadOnly })
                .ToList()),
            Identities = hasVault && _options.Vault.DeclareIdentity
                ?
                [
                    new NomadWorkloadIdentity
                    {
                        Name = "vault_default",
                        Audience = [_options.Vault.IdentityAudience],
                        Env = false,
                        File = false,
                        Ttl = NomadDuration.FromTimeSpan(_options.Vault.IdentityTtl),
                    },
                ]
                : null,
        };
    }

    private static SortedDictionary<string, string>? BuildEnv(ServiceDefinition service, JobContributionContext context)
    {
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in service.Env)
        {
            if (!seen.Add(variable.Name))
            {
                throw new InvalidOperationException($"service '{service.Name}': env variable '{variable.Name}' is defined twice");
            }

            if (variable.Value is LiteralEnvValue literal)
            {
                env[variable.Name] = literal.Value;
            }
        }

        foreach (var (name, value) in context.TaskEnv)
        {
            if (!seen.Add(name))
            {
                throw new InvalidOperationException($"service '{service.Name}': a contribution redefines env variable '{name}'");
            }

            env[name] = value;
        }

        return env.Count == 0 ? null : env;
    }

    private List<NomadTemplate>? BuildTemplates(ServiceDefinition service, JobContributionContext context)
    {
        var templates = new List<NomadTemplate>();
        if (VaultEnvTemplate.Create(service.Env, _options.Vault) is { } vaultTemplate)
        {
            templates.Add(vaultTemplate);
        }

        templates.AddRange(context.Templates);
        var duplicate = templates.GroupBy(t => t.DestPath, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"service '{service.Name}': two templates render to '{duplicate.Key}'");
        }

        return NullIfEmpty(templates);
    }

    private static List<NomadService>? BuildServices(ServiceDefinition service, JobContributionContext context, string? checkedPort)
    {
        if (context.ServicePortLabel is null)
        {
            if (context.ServiceTags.Count > 0 || context.ServiceMeta.Count > 0)
            {
                throw new InvalidOperationException(
                    $"service '{service.Name}' has no port, so it cannot carry the Consul tags a contribution added");
            }

            return null;
        }

        NomadServiceCheck? check = checkedPort is null
            ? null // UDP only: Consul cannot check it; the deployment waits for task states instead.
            : service.Health.Path is { } path
                ? new NomadServiceCheck { Name = "alive", Type = "http", Path = path, Interval = CheckInterval, Timeout = CheckTimeout }
                : new NomadServiceCheck { Name = "alive", Type = "tcp", Interval = CheckInterval, Timeout = CheckTimeout };

        return
        [
            new NomadService
            {
                Name = service.Name,
                Tags = NullIfEmpty(context.ServiceTags.ToList()),
                PortLabel = context.ServicePortLabel,
                Checks = check is null ? null : [check],
                Meta = context.ServiceMeta.Count == 0
                    ? null
                    : new SortedDictionary<string, string>(context.ServiceMeta.ToDictionary(), StringComparer.Ordinal),
                Provider = "consul",
            },
        ];
    }

    private static List<NomadNetwork>? BuildNetworks(List<(ContainerPort Port, string Label)> ports)
    {
        if (ports.Count == 0)
        {
            return null;
        }

        var reserved = ports
            .Where(p => p.Port.External is not null)
            .Select(p => new NomadPort { Label = p.Label, Value = p.Port.External, To = p.Port.Internal })
            .ToList();
        var dynamic = ports
            .Where(p => p.Port.External is null)
            .Select(p => new NomadPort { Label = p.Label, To = p.Port.Internal })
            .ToList();
        return [new NomadNetwork { ReservedPorts = NullIfEmpty(reserved), DynamicPorts = NullIfEmpty(dynamic) }];
    }

    private SortedDictionary<string, NomadVolumeRequest>? BuildVolumes(IReadOnlyList<ServiceVolume> volumes)
    {
        if (volumes.Count == 0)
        {
            return null;
        }

        var requests = new SortedDictionary<string, NomadVolumeRequest>(StringComparer.Ordinal);
        foreach (var byName in volumes.GroupBy(v => v.Name, StringComparer.Ordinal))
        {
            requests[byName.Key] = new NomadVolumeRequest
            {
                Name = byName.Key,
                Type = "host",
                Source = byName.Key,
                ReadOnly = byName.All(v => v.ReadOnly),
                AccessMode = _options.VolumeAccessMode,
                AttachmentMode = _options.VolumeAttachmentMode,
            };
        }

        return requests;
    }

    private static List<NomadConstraint>? BuildConstraints(IReadOnlyList<NodeConstraint> constraints) =>
        NullIfEmpty(constraints
            .Select(c => new NomadConstraint
            {
                LTarget = c.Attribute,
                Operand = c.Operator,
                RTarget = c.Value.Length == 0 ? null : c.Value,
            })
            .ToList());

    private static List<T>? NullIfEmpty<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list;
    }
}
