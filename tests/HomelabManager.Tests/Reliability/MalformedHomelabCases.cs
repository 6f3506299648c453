using HomelabManager.Configuration;
using static HomelabManager.Tests.Reliability.MalformedInput;

namespace HomelabManager.Tests.Reliability;

/// <summary>
/// Broken <c>homelab.yaml</c> and <c>.env</c> files: YAML syntax, unknown keys, wrong types, bad values and ports,
/// unknown providers, missing variables, malformed placeholders and Vault references, secrets in clear text,
/// binary garbage, huge files and deep nesting. Each names the first error it must give and where.
/// </summary>
internal static class MalformedHomelabCases
{
    public static IReadOnlyList<MalformedInput> All { get; } =
    [
        Yml("yaml_tab_indent", "homelab:\n\tdomain: lab.example.com\n", "HLM102", 2, 1),
        Yml("yaml_unclosed_flow", Yaml + "  datacenters: [dc1, dc2\n", "HLM102", 4, 1),
        Yml("yaml_unclosed_quote", "homelab:\n  domain: \"lab.example.com\n", "HLM102", 2, 11),
        Yml("yaml_bad_indent", Yaml + "    vault: x\n", "HLM102", 3, 10),
        Yml("yaml_two_documents", Yaml + "---\nhomelab:\n  domain: other.example.com\n", "HLM103", 3, 1),
        Yml("yaml_duplicate_key", Yaml + "  domain: other.example.com\n", "HLM105", 3, 3),
        Yml("yaml_duplicate_section", Yaml + "dns:\n  provider: cloudflare\ndns:\n  provider: route53\n", "HLM105", 5, 1),
        Yml("yaml_unknown_top_key", Yaml + "reverse_proxi:\n  provider: traefik\n", "HLM110", 3, 1),
        Yml("yaml_unknown_homelab_key", "homelab:\n  domian: lab.example.com\n", "HLM111", 1, 1),
        Yml("yaml_unknown_vault_key", Yaml + "  vault:\n    kv_mnt: secret\n", "HLM110", 4, 5),
        Yml("yaml_unknown_section_key", Yaml + "reverse_proxy:\n  provider: traefik\n  confg: {}\n", "HLM110", 5, 3),
        Yml("yaml_missing_homelab", "reverse_proxy:\n  provider: traefik\n", "HLM111", 1, 1),
        Yml("yaml_missing_domain", "homelab:\n  datacenters: [dc1]\n", "HLM111", 1, 1),
        Yml("yaml_missing_provider", Yaml + "reverse_proxy:\n  config:\n    acme_email: a@b.c\n", "HLM111", 3, 1),
        Yml("yaml_domain_is_list", "homelab:\n  domain: [a, b]\n", "HLM112", 2, 11),
        Yml("yaml_domain_is_map", "homelab:\n  domain:\n    name: lab\n", "HLM112", 3, 5),
        Yml("yaml_homelab_is_scalar", "homelab: lab.example.com\n", "HLM112", 1, 10),
        Yml("yaml_root_is_list", "- homelab\n- domain\n", "HLM112", 1, 1),
        Yml("yaml_root_is_scalar", "just a string\n", "HLM112", 1, 1),
        Yml("yaml_datacenters_is_map", Yaml + "  datacenters:\n    a: b\n", "HLM112", 4, 5),
        Yml("yaml_kv_version_3", Yaml + "  vault:\n    kv_version: 3\n", "HLM113", 4, 17),
        Yml("yaml_kv_version_text", Yaml + "  vault:\n    kv_version: two\n", "HLM113", 4, 17),
        Yml("yaml_domain_invalid", "homelab:\n  domain: lab..example.com\n", "HLM113", 2, 11),
        Yml("yaml_domain_underscore", "homelab:\n  domain: my_lab.example.com\n", "HLM113", 2, 11),
        Yml("yaml_node_specific_key", Yaml + "  nodes:\n    - 10.0.0.1\n", "HLM114", 3, 3),
        Yml("yaml_connection_key", Yaml + "  nomad_addr: http://10.0.0.1:4646\n", "HLM115", 3, 3),
        Yml("yaml_unknown_provider", Yaml + "reverse_proxy:\n  provider: haproxy\n", "HLM400", 4, 13),
        Yml("yaml_provider_is_list", Yaml + "reverse_proxy:\n  provider: [traefik]\n", "HLM112", 4, 13),
        Yml("yaml_section_is_scalar", Yaml + "reverse_proxy: traefik\n", "HLM112", 3, 16),
        Yml("yaml_config_is_list", Yaml + "reverse_proxy:\n  provider: traefik\n  config: [a]\n", "HLM112", 5, 11),
        Yml("yaml_traefik_unknown_option", Yaml + "reverse_proxy:\n  provider: traefik\n  config:\n    acme_mail: a@b.c\n", "HLM111", 5, 3),
        Yml("yaml_traefik_port_out_of_range", Yaml + "reverse_proxy:\n  provider: traefik\n  config:\n    acme_email: a@lab.example.com\n    http_port: 70000\n", "HLM113", 7, 16),
        Yml("yaml_traefik_port_text", Yaml + "reverse_proxy:\n  provider: traefik\n  config:\n    acme_email: a@lab.example.com\n    https_port: https\n", "HLM113", 7, 17),
        Yml("yaml_traefik_dashboard_text", Yaml + "reverse_proxy:\n  provider: traefik\n  config:\n    acme_email: a@lab.example.com\n    dashboard: maybe\n", "HLM113", 7, 16),
        Yml("yaml_missing_variable", "homelab:\n  domain: ${LAB_DOMAIN}\n", "HLM120", 2, 11),
        Yml("yaml_missing_variable_in_provider", Yaml + "reverse_proxy:\n  provider: ${PROXY}\n", "HLM120", 4, 13),
        Yml("yaml_malformed_placeholder", "homelab:\n  domain: ${LAB_DOMAIN\n", "HLM121", 2, 11),
        Yml("yaml_placeholder_bad_name", "homelab:\n  domain: ${1ABC}\n", "HLM121", 2, 11),
        Yml("yaml_authelia_secret_in_clear", Yaml + "auth:\n  provider: authelia\n  config:\n    jwt_secret: hunter2-plain-text\n    session_secret: vault:secret/authelia#session_secret\n    storage_encryption_key: vault:secret/authelia#storage_encryption_key\n", "HLM401", 6, 17),
        Yml("yaml_authelia_bad_vault_reference", Yaml + "auth:\n  provider: authelia\n  config:\n    jwt_secret: vault:secret/authelia\n    session_secret: vault:secret/authelia#session_secret\n    storage_encryption_key: vault:secret/authelia#storage_encryption_key\n", "HLM122", 6, 17),
        Yml("yaml_authelia_bad_policy", Yaml + "auth:\n  provider: authelia\n  config:\n    default_policy: three_factor\n    jwt_secret: vault:secret/authelia#jwt_secret\n    session_secret: vault:secret/authelia#session_secret\n    storage_encryption_key: vault:secret/authelia#storage_encryption_key\n", "HLM113", 6, 21),
        Yml("yaml_cloudflare_zone_not_parent", Yaml + "dns:\n  provider: cloudflare\n  config:\n    api_token: abc\n    zone: other.org\n", "HLM420", 4, 13),
        Yml("yaml_anchor_alias_unknown", "homelab:\n  domain: *nothing\n", "HLM102", 2, 11),
        Yml("yaml_control_characters", "homelab:\n  domain: \"\\x00\\x1b[31m\"\n", "HLM113", 2, 11),
        Yml("yaml_bad_escape", "homelab:\n  domain: \"lab\\qexample\"\n", "HLM102", 2, 15),
        DotEnv("env_malformed_line", "LAB_DOMAIN lab.example.com\n", "HLM130", 1, 12),
        Yml("yaml_binary_garbage", Garbage(), "HLM102", 2, 58),
        Yml("yaml_huge_file_over_limit", Spaces(HomelabConfigurationLoader.MaxFileBytes + 1), "HLM101", 1, 1),
        Yml("yaml_huge_file_error_at_end", Yaml + "  vault:\n" + Repeat("    # padding\n", 50_000) + "    kv_version: 7\n", "HLM113", 50_004, 17),
        Yml("yaml_deep_flow_nesting", Yaml + "dns: " + new string('[', 65) + new string(']', 65) + "\n", "HLM104", 3, 69),
        Yml("yaml_deep_block_nesting", Yaml + "dns:\n  config:\n" + string.Concat(Enumerable.Range(2, 70).Select(i => new string(' ', 2 * i) + "k:\n")), "HLM104", 67, 129),
    ];
}
