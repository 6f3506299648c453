service {
  name        = "svc"
  description = "every optional field"
  container {
    image      = "ghcr.io/example/app:1.2.3@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    ports      = [{ internal = 80, external = 8080, protocol = "tcp", name = "http" }, { internal = 53, protocol = "udp" }]
    command    = "/bin/app"
    args       = ["--port", "80"]
    user       = "1000:1000"
    privileged = false
    cap_add    = ["NET_ADMIN"]
  }
  resources {
    cpu    = 500
    memory = 256
  }
  volume {
    name      = "svc-data"
    path      = "/data"
    read_only = true
  }
  env {
    TZ       = "Europe/Berlin"
    PASSWORD = "vault:secret/svc#password"
  }
  health {
    path     = "/health"
    interval = "10s"
    timeout  = "2s"
  }
  constraint {
    attribute = "$${node.class}"
    operator  = "="
    value     = "storage"
  }
  public_access = true
  subdomain     = "app"
  auth          = true
  count         = 2
  depends_on    = ["postgres"]
}
