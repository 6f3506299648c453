# Pi-hole: network-wide ad-blocking DNS server.
# Clients must find DNS on port 53 of the node, so both DNS ports are static; point your router's
# DNS setting at the node(s) that run it. The web UI sits behind the reverse proxy and the auth portal.
service {
  name        = "pihole"
  description = "Network-wide ad-blocking DNS"

  container {
    image = "pihole/pihole:2025.03.0"
    ports = [
      { internal = 80 },                                   # web UI, dynamic port: first TCP port = the one routed and checked
      { internal = 53, external = 53, protocol = "udp" },   # DNS queries
      { internal = 53, external = 53, protocol = "tcp" },   # DNS over TCP (large answers); shares host port 53 with udp
    ]
  }

  resources {
    cpu    = 200
    memory = 256
  }
  volume {
    name = "pihole-config"
    path = "/etc/pihole"
  }
  env {
    TZ                             = "Europe/Berlin"
    FTLCONF_dns_listeningMode      = "all"                              # answer queries from the LAN
    FTLCONF_webserver_api_password = "vault:secret/pihole#web_password"
  }
  public_access = true
  auth          = true
  health { path = "/admin/login" }
}
