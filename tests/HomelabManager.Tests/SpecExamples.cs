namespace HomelabManager.Tests;

/// <summary>Examples quoted from the product specification.</summary>
internal static class SpecExamples
{
    /// <summary>The example from SPEC §4, verbatim.</summary>
    public const string Nextcloud = """
        service {
          name        = "nextcloud"               # DNS label: [a-z0-9-], 1..63, unique
          description = "Self-hosted file sync and share"

          container {
            image = "nextcloud:latest"
            ports = [
              { internal = 80, external = 8080 }    # external optional (dynamic), protocol tcp|udp
            ]
            # optional: command, args, user, privileged = false, cap_add
          }

          resources {                             # MHz, MiB
            cpu    = 1000
            memory = 2048
          }
          volume {                                # repeatable; optional read_only = true
            name = "nextcloud-data"
            path = "/var/www/html"
          }
          env {
            TZ                       = "Europe/Berlin"
            NEXTCLOUD_ADMIN_USER     = "vault:secret/nextcloud#admin_user"
            NEXTCLOUD_ADMIN_PASSWORD = "vault:secret/nextcloud#admin_password"
          }
          public_access = true
          # optional: subdomain, auth = true|false (protect with the auth provider),
          # health { path = "/status.php" }, count, depends_on = ["postgres"], node constraints
        }
        """;
}
