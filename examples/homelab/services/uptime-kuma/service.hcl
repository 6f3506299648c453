# Uptime Kuma: status page and uptime monitoring for everything else.
# Published as https://status.lab.example.com instead of its service name.
service {
  name        = "uptime-kuma"
  description = "Uptime monitoring and status page"

  container {
    image = "louislam/uptime-kuma:1.23.16"
    ports = [
      { internal = 3001 }
    ]
  }

  resources {
    cpu    = 200
    memory = 256
  }
  volume {
    name = "uptime-kuma-data"
    path = "/app/data"
  }
  public_access = true
  subdomain     = "status"
  auth          = true
  health { path = "/api/entry-page" }
}
