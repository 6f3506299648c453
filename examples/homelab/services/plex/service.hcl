# Plex Media Server. Port 32400 is static: Plex apps on the LAN and Plex's own remote access
# expect it there. Not behind the reverse proxy: Plex handles remote access itself.
service {
  name        = "plex"
  description = "Plex Media Server"

  container {
    image = "plexinc/pms-docker:1.41.6.9685-d301f511a"
    ports = [
      { internal = 32400, external = 32400 }
    ]
  }

  resources {
    cpu    = 2000
    memory = 2048
  }
  volume {
    name = "plex-config"
    path = "/config"
  }
  volume {
    name      = "media"   # shared with jellyfin
    path      = "/data"
    read_only = true
  }
  env {
    TZ         = "Europe/Berlin"
    PLEX_CLAIM = "vault:secret/plex#claim_token"   # from https://plex.tv/claim, only needed for the first start
  }
  public_access = false
  health { path = "/identity" }
}
