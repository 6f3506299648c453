# Jellyfin: free media server. Reads the shared media library without being able to change it.
# No auth portal: Jellyfin apps log in with Jellyfin's own accounts.
service {
  name        = "jellyfin"
  description = "Free software media server"

  container {
    image = "jellyfin/jellyfin:10.10.7"
    ports = [
      { internal = 8096 }   # web UI and API, dynamic port behind the reverse proxy
    ]
  }

  resources {
    cpu    = 2000
    memory = 2048
  }
  volume {
    name = "jellyfin-config"
    path = "/config"
  }
  volume {
    name = "jellyfin-cache"
    path = "/cache"
  }
  volume {
    name      = "media"   # shared with plex
    path      = "/media"
    read_only = true
  }
  env {
    TZ = "Europe/Berlin"
  }
  public_access = true
  health { path = "/health" }
}
