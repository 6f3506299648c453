# Vaultwarden: a lightweight Bitwarden-compatible password manager.
# Public without the auth portal: Bitwarden apps and browser extensions cannot pass a login page,
# and Vaultwarden has its own login. The admin page is protected by ADMIN_TOKEN from Vault.
service {
  name        = "vaultwarden"
  description = "Bitwarden-compatible password manager"

  container {
    image = "vaultwarden/server:1.34.1"
    ports = [
      { internal = 80 }
    ]
  }

  resources {
    cpu    = 200
    memory = 256
  }
  volume {
    name = "vaultwarden-data"
    path = "/data"
  }
  env {
    DOMAIN          = "https://vaultwarden.lab.example.com"   # must match the public URL
    SIGNUPS_ALLOWED = "false"                                 # invite users from the admin page
    ADMIN_TOKEN     = "vault:secret/vaultwarden#admin_token"
  }
  public_access = true
  auth          = false
  health { path = "/alive" }
}
