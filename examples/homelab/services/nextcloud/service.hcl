# Nextcloud: the example from the homelab-manager specification, unchanged.
# Secrets stay in Vault: put them there first with
#   homelab-manager secrets set secret/nextcloud admin_user
#   homelab-manager secrets set secret/nextcloud admin_password
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
