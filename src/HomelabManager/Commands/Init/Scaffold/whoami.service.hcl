# services/whoami/service.hcl: one service, one folder. The folder name is the service name.
# Check with `homelab-manager validate`, see the Nomad job with `homelab-manager render whoami`.
service {
  name        = "whoami"                    # DNS label: a-z, 0-9 and '-', unique in the lab
  description = "Tiny web server that echoes the request: a first service to try"

  container {
    image = "traefik/whoami:v1.10.3"        # pin a version: deploys stay repeatable
    ports = [
      { internal = 80 },                    # add external = 8080 for a static host port
    ]
    # command = "/whoami", args = ["--verbose"], user = "1000", cap_add = ["NET_ADMIN"]
  }

  resources {
    cpu    = 50                             # MHz
    memory = 32                             # MiB
  }

  # volume {                                # repeatable; a Nomad dynamic host volume
  #   name = "whoami-data"
  #   path = "/data"
  #   read_only = true
  # }

  env {
    WHOAMI_NAME = "homelab"
    # PASSWORD = "vault:secret/whoami#password"   # read from Vault at run time, never copied
  }

  public_access = true                      # route https://whoami.<domain> through the reverse proxy
  # auth       = true                       # protect it with the auth provider
  # subdomain  = "hello"                    # https://hello.<domain> instead
  health { path = "/health" }               # HTTP check; without it a TCP check is used
  # count      = 2
  # depends_on = ["postgres"]
}
