using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Nodes.NixOs;
using HomelabManager.Tests.Cli;
using HomelabManager.Tests.Commands;

namespace HomelabManager.Tests.Nodes;

public class NixOsModuleTests
{
    private static readonly string[] DefaultCaps =
    [
        "audit_write", "chown", "dac_override", "fowner", "fsetid", "kill", "mknod",
        "net_bind_service", "setfcap", "setgid", "setpcap", "setuid", "sys_chroot",
    ];

    private static string ServiceHcl(string name, string ports, string extra = "", string description = "") =>
        "service {\n  name = \"" + name + "\"\n" + description +
        "  container {\n    image = \"nginx:1.27\"\n    ports = [" + ports + "]\n" + extra + "  }\n}\n";

    private static async Task<CliResult> Run(string directory, params string[] args) =>
        await CliRunner.RunInAsync(directory, null, ["node", "nixos", "--dir", directory, .. args]);

    private static async Task<string> Generate(string directory)
    {
        var result = await Run(directory);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        return result.Out;
    }

    private static int[] Ports(JsonElement module, string option) =>
        [.. module.GetProperty("networking").GetProperty("firewall").GetProperty(option).EnumerateArray().Select(p => p.GetInt32())];

    private static JsonElement DockerConfig(JsonElement module) =>
        module.GetProperty("services").GetProperty("nomad").GetProperty("settings").GetProperty("plugin").GetProperty("docker").GetProperty("config");

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    [RequiresNixFact]
    public async Task Example_homelab_module_opens_exactly_its_static_ports_and_the_proxy_ports()
    {
        var module = Nix.EvaluateModuleText(await Generate(RepositoryPaths.ExampleHomelab));
        Assert.Equal(["networking", "services", "virtualisation"], Names(module).Order(StringComparer.Ordinal));
        Assert.Equal([53, 80, 443, 8080, 32400], Ports(module, "allowedTCPPorts"));
        Assert.Equal([53], Ports(module, "allowedUDPPorts"));
        Assert.True(module.GetProperty("virtualisation").GetProperty("docker").GetProperty("enable").GetBoolean());
        Assert.Empty(Names(DockerConfig(module)));
        Assert.Equal(["settings"], Names(module.GetProperty("services").GetProperty("nomad")));
    }

    [RequiresNixFact]
    public async Task No_services_and_no_proxy_open_nothing()
    {
        using var lab = new TempHomelab().Write("homelab.yaml", TempHomelab.MinimalYaml);
        var module = Nix.EvaluateModuleText(await Generate(lab.Directory));
        Assert.Empty(Ports(module, "allowedTCPPorts"));
        Assert.Empty(Ports(module, "allowedUDPPorts"));
        Assert.True(module.GetProperty("virtualisation").GetProperty("docker").GetProperty("enable").GetBoolean());
        Assert.Empty(Names(DockerConfig(module)));
    }

    [RequiresNixFact]
    public async Task Udp_only_port_opens_only_udp_and_dynamic_ports_open_nothing()
    {
        using var lab = new TempHomelab().Write("homelab.yaml", TempHomelab.MinimalYaml)
            .Service("syslog", ServiceHcl("syslog", "{ internal = 514, external = 5514, protocol = \"udp\" }, { internal = 8080 }"));
        var module = Nix.EvaluateModuleText(await Generate(lab.Directory));
        Assert.Empty(Ports(module, "allowedTCPPorts"));
        Assert.Equal([5514], Ports(module, "allowedUDPPorts"));
    }

    [RequiresNixFact]
    public async Task Removing_a_service_closes_its_ports_and_check_notices()
    {
        using var lab = new TempHomelab().Write("homelab.yaml", TempHomelab.MinimalYaml)
            .Service("b", ServiceHcl("b", "{ internal = 80, external = 9000 }"))
            .Service("a", ServiceHcl("a", "{ internal = 53, external = 53, protocol = \"udp\" }, { internal = 53, external = 53, protocol = \"tcp\" }"));
        var file = Path.Combine(lab.Directory, "node.nix");
        var written = await Run(lab.Directory, "--out", file);
        Assert.True(written.ExitCode == ExitCodes.Ok, written.Error);
        var before = Nix.EvaluateModuleText(File.ReadAllText(file));
        Assert.Equal([53, 9000], Ports(before, "allowedTCPPorts"));
        Assert.Equal([53], Ports(before, "allowedUDPPorts"));
        Assert.Equal(ExitCodes.Ok, (await Run(lab.Directory, "--check", file)).ExitCode);

        Directory.Delete(Path.Combine(lab.Directory, "services", "b"), recursive: true);
        var after = Nix.EvaluateModuleText(await Generate(lab.Directory));
        Assert.Equal([53], Ports(after, "allowedTCPPorts"));
        Assert.Equal([53], Ports(after, "allowedUDPPorts"));

        var check = await Run(lab.Directory, "--check", file);
        Assert.Equal(ExitCodes.Failure, check.ExitCode);
        Assert.Contains("-", check.Error, StringComparison.Ordinal);
        Assert.Contains("9000", check.Error, StringComparison.Ordinal);
        Assert.Contains("out of date", check.Error, StringComparison.Ordinal);
    }

    [RequiresNixFact]
    public async Task Privileged_and_cap_add_allow_exactly_what_the_jobs_need()
    {
        using var lab = new TempHomelab().Write("homelab.yaml", TempHomelab.MinimalYaml)
            .Service("vpn", ServiceHcl("vpn", "{ internal = 51820, external = 51820, protocol = \"udp\" }", "    privileged = true\n    cap_add = [\"NET_ADMIN\", \"sys_module\"]\n"))
            .Service("other", ServiceHcl("other", "", "    cap_add = [\"NET_ADMIN\", \"CHOWN\"]\n"));
        var module = Nix.EvaluateModuleText(await Generate(lab.Directory));
        var config = DockerConfig(module);
        Assert.Equal(["allow_caps", "allow_privileged"], Names(config).Order(StringComparer.Ordinal));
        Assert.True(config.GetProperty("allow_privileged").GetBoolean());
        Assert.Equal(
            DefaultCaps.Append("net_admin").Append("sys_module").Order(StringComparer.Ordinal),
            config.GetProperty("allow_caps").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([51820], Ports(module, "allowedUDPPorts"));
    }

    [RequiresNixFact]
    public async Task Hostile_description_stays_inside_its_comment()
    {
        var hostile = "  description = \"x\\\"; }; evil = \\\"$${builtins.abort \\\"pwned\\\"}\\n  networking.firewall.allowedTCPPorts = [ 22 ];\\r\\n# */\\t''\"\n";
        using var lab = new TempHomelab().Write("homelab.yaml", TempHomelab.MinimalYaml)
            .Service("web", ServiceHcl("web", "{ internal = 80, external = 8081 }", description: hostile));
        var text = await Generate(lab.Directory);
        Assert.Contains("pwned", text, StringComparison.Ordinal);
        var module = Nix.EvaluateModuleText(text);
        Assert.Equal(["networking", "services", "virtualisation"], Names(module).Order(StringComparer.Ordinal));
        Assert.Equal([8081], Ports(module, "allowedTCPPorts"));
    }

    [RequiresNixFact]
    public void Hostile_strings_evaluate_to_exactly_the_original()
    {
        string[] values =
        [
            "plain",
            "quote \" inside",
            "${builtins.abort \"pwned\"}",
            "$${x} $ {y} $",
            "back\\slash\\",
            "\\${escaped}",
            "new\nline\r\nand\ttab",
            "''${x}'' ''\\n",
            "volume-name\"; }; evil = \"1",
            "unicode ünï ✓ \u2028",
            "",
        ];
        var list = NixText.StringList(values);
        var module = "{ config, lib, pkgs, ... }:\n{\n  # " + NixText.CommentText("comment\nx = 1; \"${\r\u2029y") + "\n  values = " + list + ";\n}\n";
        var evaluated = Nix.EvaluateModuleText(module);
        Assert.Equal(["values"], Names(evaluated));
        Assert.Equal(values, evaluated.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void Comments_never_contain_line_breaks()
    {
        var text = NixText.CommentText("a\nb\r\nc\u2028d\u0085e\tf\u000bg");
        Assert.DoesNotContain(text, c => char.IsControl(c) || c is '\u2028' or '\u2029');
        Assert.Equal("a b c d e f g", text);
    }

    [Fact]
    public async Task Output_is_deterministic_and_independent_of_folder_order()
    {
        using var first = new TempHomelab().Write("homelab.yaml", TempHomelab.MinimalYaml)
            .Service("a", ServiceHcl("a", "{ internal = 1, external = 7000 }", "    cap_add = [\"SYS_TIME\"]\n"))
            .Service("z", ServiceHcl("z", "{ internal = 1, external = 6000 }", "    cap_add = [\"NET_RAW\"]\n"));
        var once = await Generate(first.Directory);
        Assert.Equal(once, await Generate(first.Directory));
        Assert.True(once.IndexOf("6000", StringComparison.Ordinal) < once.IndexOf("7000", StringComparison.Ordinal));
        Assert.True(once.IndexOf("\"net_raw\"", StringComparison.Ordinal) < once.IndexOf("\"sys_time\"", StringComparison.Ordinal));
        Assert.DoesNotContain(first.Directory, once, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_exits_0_when_equal_1_when_missing_or_different()
    {
        using var lab = new TempHomelab().Write("homelab.yaml", TempHomelab.MinimalYaml)
            .Service("web", ServiceHcl("web", "{ internal = 80, external = 8081 }"));
        var file = Path.Combine(lab.Directory, "out", "node.nix");
        Assert.Equal(ExitCodes.Failure, (await Run(lab.Directory, "--check", file)).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await Run(lab.Directory, "--out", file)).ExitCode);
        Assert.Equal(await Generate(lab.Directory), File.ReadAllText(file));
        Assert.Equal(ExitCodes.Ok, (await Run(lab.Directory, "--check", file)).ExitCode);
        File.AppendAllText(file, "# hand edit\n");
        var check = await Run(lab.Directory, "--check", file);
        Assert.Equal(ExitCodes.Failure, check.ExitCode);
        Assert.Contains("# hand edit", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_homelab_exits_2_with_diagnostics()
    {
        using var lab = new TempHomelab().Write("homelab.yaml", TempHomelab.MinimalYaml)
            .Service("web", "service {\n  name = \"web\"\n  container {\n    imgae = \"nginx:1.27\"\n  }\n}\n");
        var result = await Run(lab.Directory);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("imgae", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }
}
