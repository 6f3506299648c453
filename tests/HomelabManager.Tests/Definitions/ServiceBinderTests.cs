using HomelabManager.Definitions;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Tests.Definitions;

public class ServiceBinderTests
{
    internal static (BoundService? Service, DiagnosticBag Diagnostics) Bind(string text, string folder = "web")
    {
        var diagnostics = new DiagnosticBag();
        var bound = ServiceBinder.Bind(new SourceText("services/" + folder + "/service.hcl", text), folder, diagnostics);
        return (bound, diagnostics);
    }

    private static Diagnostic SingleError(string text, string folder = "web")
    {
        var (service, diagnostics) = Bind(text, folder);
        Assert.Null(service);
        var errors = diagnostics.Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 1, "expected one error, got:\n" + string.Join("\n", diagnostics));
        return errors[0];
    }

    [Fact]
    public void The_spec_example_binds_verbatim()
    {
        var (bound, diagnostics) = Bind(SpecExamples.Nextcloud, "nextcloud");
        Assert.NotNull(bound);
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        var service = bound.Definition;
        Assert.Equal("nextcloud", service.Name);
        Assert.Equal("Self-hosted file sync and share", service.Description);
        Assert.Equal("nextcloud:latest", service.Container.Image);
        Assert.Equal([new ContainerPort(80, 8080)], service.Container.Ports);
        Assert.Equal(new ResourceRequirements(1000, 2048), service.Resources);
        Assert.Equal([new ServiceVolume("nextcloud-data", "/var/www/html")], service.Volumes);
        Assert.True(service.PublicAccess);
        Assert.Equal(3, service.Env.Count);
        Assert.Equal(EnvValue.Literal("Europe/Berlin"), service.Env[0].Value);
        var password = Assert.IsType<VaultEnvValue>(service.Env[2].Value);
        Assert.Equal("secret/nextcloud", password.Reference.Path);
        Assert.Equal("admin_password", password.Reference.Key);
        // nextcloud:latest is a moving tag: a warning, not an error.
        var warning = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
        Assert.Equal("HLM214", warning.Code);
        Assert.Equal(6, warning.Range.Start.Line);
    }

    [Fact]
    public void Unknown_attribute_is_an_error_with_a_suggestion()
    {
        var error = SingleError("""
            service {
              name = "web"
              container {
                imgae = "nginx:1.27"
                image = "nginx:1.27"
              }
            }
            """);
        Assert.Equal("HCL501", error.Code);
        Assert.Contains("Did you mean \"image\"?", error.Detail, StringComparison.Ordinal);
        Assert.Equal((4, 5), (error.Range.Start.Line, error.Range.Start.Column));
    }

    [Fact]
    public void Unknown_block_is_an_error_with_a_suggestion()
    {
        var error = SingleError("""
            service {
              name = "web"
              container { image = "nginx:1.27" }
              resource { cpu = 100 }
            }
            """);
        Assert.Equal("HCL502", error.Code);
        Assert.Contains("\"resources\"", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_argument_is_reported_at_the_enclosing_block()
    {
        var error = SingleError("""
            service {
              name = "web"
              container {
                ports = [{ internal = 80 }]
              }
            }
            """);
        Assert.Equal("HCL503", error.Code);
        Assert.Equal(3, error.Range.Start.Line);
        Assert.Contains("image", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Redefined_argument_names_the_first_definition()
    {
        var error = SingleError("""
            service {
              name = "web"
              name = "web2"
              container { image = "nginx:1.27" }
            }
            """);
        Assert.Equal("HCL206", error.Code);
        Assert.Equal(3, error.Range.Start.Line);
        Assert.Contains("2:3", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Web")]
    [InlineData("-web")]
    [InlineData("web_1")]
    [InlineData("")]
    public void Service_name_must_be_a_dns_label(string name)
    {
        var error = SingleError($$"""
            service {
              name = "{{name}}"
              container { image = "nginx:1.27" }
            }
            """);
        Assert.Equal("HLM202", error.Code);
    }

    [Theory]
    [InlineData("{ internal = 0 }", "HLM203")]
    [InlineData("{ internal = 70000 }", "HLM203")]
    [InlineData("{ internal = 80, external = 65536 }", "HLM203")]
    [InlineData("{ internal = 80, protocol = \"sctp\" }", "HLM204")]
    [InlineData("{ internl = 80 }", "HLM205")]
    [InlineData("{ external = 80 }", "HLM206")]
    [InlineData("{ internal = \"80\" }", "HLM201")]
    [InlineData("{ internal = 80.5 }", "HLM201")]
    [InlineData("80", "HLM201")]
    public void Invalid_ports_are_errors(string port, string code)
    {
        var error = SingleError($$"""
            service {
              name = "web"
              container {
                image = "nginx:1.27"
                ports = [{{port}}]
              }
            }
            """);
        Assert.Equal(code, error.Code);
        Assert.Equal(5, error.Range.Start.Line);
    }

    [Fact]
    public void Udp_and_tcp_on_the_same_port_are_distinct()
    {
        var (bound, diagnostics) = Bind("""
            service {
              name = "web"
              container {
                image = "pihole/pihole:2024.07.0"
                ports = [
                  { internal = 53, external = 53, protocol = "udp" },
                  { internal = 53, external = 53 },
                ]
              }
            }
            """);
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        Assert.Equal(2, bound!.Definition.Container.Ports.Count);
        Assert.Equal(PortProtocol.Udp, bound.Definition.Container.Ports[0].Protocol);
    }

    [Theory]
    [InlineData("vault:#key")]
    [InlineData("vault:secret/app#")]
    [InlineData("vault:secret/app")]
    [InlineData("vault:app#key")]
    public void Broken_vault_references_are_errors(string value)
    {
        var error = SingleError($$"""
            service {
              name = "web"
              container { image = "nginx:1.27" }
              env {
                PASSWORD = "{{value}}"
              }
            }
            """);
        Assert.Equal("HLM212", error.Code);
        Assert.Equal(5, error.Range.Start.Line);
        Assert.Equal(16, error.Range.Start.Column);
    }

    [Fact]
    public void Numbers_and_bools_in_env_become_text()
    {
        var (bound, _) = Bind("""
            service {
              name = "web"
              container { image = "nginx:1.27" }
              env {
                PUID  = 1000
                DEBUG = false
              }
            }
            """);
        Assert.Equal(EnvValue.Literal("1000"), bound!.Definition.Env[0].Value);
        Assert.Equal(EnvValue.Literal("false"), bound.Definition.Env[1].Value);
    }

    [Fact]
    public void Volumes_need_absolute_distinct_paths()
    {
        var (service, diagnostics) = Bind("""
            service {
              name = "web"
              container { image = "nginx:1.27" }
              volume {
                name = "data"
                path = "relative/path"
              }
              volume {
                name = "a"
                path = "/data"
              }
              volume {
                name = "b"
                path = "/data/"
              }
            }
            """);
        Assert.Null(service);
        Assert.Equal(["HLM209", "HLM210"], diagnostics.Where(d => d.IsError).Select(d => d.Code));
    }

    [Fact]
    public void Resources_must_be_sane()
    {
        var (_, diagnostics) = Bind("""
            service {
              name = "web"
              container { image = "nginx:1.27" }
              resources {
                cpu    = 0
                memory = -5
              }
            }
            """);
        Assert.Equal(["HLM203", "HLM203"], diagnostics.Where(d => d.IsError).Select(d => d.Code));
    }

    [Theory]
    [InlineData("nginx", true)]
    [InlineData("nginx:latest", true)]
    [InlineData("nginx:1.27", false)]
    [InlineData("ghcr.io/owner/app:2.1", false)]
    [InlineData("registry.local:5000/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    public void Moving_tags_are_warned_about(string image, bool warned)
    {
        var (service, diagnostics) = Bind($$"""
            service {
              name = "web"
              container { image = "{{image}}" }
            }
            """);
        Assert.NotNull(service);
        Assert.Equal(warned, diagnostics.Any(d => d.Code == "HLM214"));
    }

    [Theory]
    [InlineData("Nginx:1.0")]
    [InlineData("nginx:")]
    [InlineData("nginx 1.0")]
    [InlineData("")]
    public void Malformed_images_are_errors(string image)
    {
        var error = SingleError($$"""
            service {
              name = "web"
              container { image = "{{image}}" }
            }
            """);
        Assert.Equal("HLM213", error.Code);
    }

    [Fact]
    public void Expressions_are_not_allowed()
    {
        var error = SingleError("""
            service {
              name = var.name
              container { image = "nginx:1.27" }
            }
            """);
        Assert.Equal("HLM221", error.Code);
    }

    [Fact]
    public void Syntax_errors_come_from_the_parser_with_their_position()
    {
        var (service, diagnostics) = Bind("service {\n  name = \"web\"\n  container {\n");
        Assert.Null(service);
        Assert.Contains(diagnostics, d => d.IsError && d.Code.StartsWith("HCL", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_together()
    {
        var (_, diagnostics) = Bind("""
            service {
              name = "Bad_Name"
              colour = "blue"
              container {
                image = "nginx:1.27"
                ports = [{ internal = 0 }]
              }
              env {
                BAD-NAME = "x"
              }
            }
            """);
        Assert.Equal(["HLM202", "HCL501", "HLM203", "HLM211"], diagnostics.Where(d => d.IsError).OrderBy(d => d.Range.Start.Offset).Select(d => d.Code));
    }

    [Theory]
    [InlineData("{ internal = 80, external = 8080 }, { internal = 81, external = 8080 }")]
    [InlineData("{ internal = 80, external = 8080 }, { internal = 81, external = 8080, protocol = \"udp\" }")]
    public void One_host_port_maps_to_one_container_port(string ports)
    {
        var error = SingleError($$"""
            service {
              name = "web"
              container {
                image = "nginx:1.27"
                ports = [{{ports}}]
              }
            }
            """);
        Assert.Equal("HLM227", error.Code);
    }
}
