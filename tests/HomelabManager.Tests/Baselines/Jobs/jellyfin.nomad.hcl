job "jellyfin" {
  datacenters = ["*"]
  type        = "service"

  meta {
    homelab-manager-hash     = "7b358ca3881fefb348707fbf08eda910a10c78b19e8fa50a6e16db42790526fe"
    homelab-manager-job-hash = "fa94088bdccf22b099474dbb948a2ef1e6588977b3c318a9eba93a7a598163ae"
    homelab-manager-version  = "0.1.0-test"
    managed-by               = "homelab-manager"
  }

  group "jellyfin" {
    count = 2

    constraint {
      attribute = "$${node.class}"
      operator  = "="
      value     = "media"
    }

    network {
      port "http" {
        to = 8096
      }
    }

    volume "jellyfin-config" {
      type            = "host"
      source          = "jellyfin-config"
      read_only       = false
      access_mode     = "single-node-writer"
      attachment_mode = "file-system"
    }

    volume "media" {
      type            = "host"
      source          = "media"
      read_only       = true
      access_mode     = "single-node-writer"
      attachment_mode = "file-system"
    }

    service {
      name     = "jellyfin"
      provider = "consul"
      port     = "http"

      check {
        name     = "alive"
        type     = "http"
        path     = "/health"
        interval = "10s"
        timeout  = "2s"
      }
    }

    update {
      max_parallel      = 1
      health_check      = "checks"
      min_healthy_time  = "10s"
      healthy_deadline  = "5m"
      progress_deadline = "10m"
      auto_revert       = true
    }

    restart {
      attempts = 3
      interval = "30m"
      delay    = "15s"
      mode     = "fail"
    }

    reschedule {
      delay          = "30s"
      delay_function = "exponential"
      max_delay      = "1h"
      unlimited      = true
    }

    task "jellyfin" {
      driver = "docker"
      user   = "1000:1000"

      config {
        image      = "jellyfin/jellyfin:10.9.11"
        ports      = ["http"]
        command    = "/jellyfin/jellyfin"
        args       = ["--datadir", "/config", "--cachedir", "/cache"]
        privileged = true
        cap_add    = ["NET_ADMIN", "SYS_ADMIN"]
      }

      env {
        GREETING                    = "say \"hi\" to $${USER} and %%{x} \\ done"
        JELLYFIN_PublishedServerUrl = "https://jellyfin.home.example.com"
      }

      volume_mount {
        volume      = "jellyfin-config"
        destination = "/config"
        read_only   = false
      }

      volume_mount {
        volume      = "media"
        destination = "/media"
        read_only   = true
      }

      resources {
        cpu    = 2000
        memory = 4096
      }
    }
  }
}
