job "pihole" {
  datacenters = ["*"]
  type        = "service"

  meta {
    homelab-manager-hash     = "04df23ac7c35fad70e9c6885a9db4f87e44b039c45b9ca14a4b6f9ad1249f567"
    homelab-manager-job-hash = "f6f8fc8b4ec58adb488350f3aa29e63f36e365a47bc0a7a73e9fd4c65ae8708a"
    homelab-manager-version  = "0.1.0-test"
    managed-by               = "homelab-manager"
  }

  group "pihole" {
    count = 1

    network {
      port "p53_udp" {
        static = 53
        to     = 53
      }

      port "http" {
        to = 80
      }
    }

    volume "pihole-etc" {
      type            = "host"
      source          = "pihole-etc"
      read_only       = false
      access_mode     = "single-node-writer"
      attachment_mode = "file-system"
    }

    service {
      name     = "pihole"
      provider = "consul"
      port     = "http"

      check {
        name     = "alive"
        type     = "http"
        path     = "/admin/"
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

    task "pihole" {
      driver = "docker"

      config {
        image   = "pihole/pihole:2024.07.0"
        ports   = ["p53_udp", "http"]
        cap_add = ["NET_ADMIN"]
      }

      env {
        TZ = "Europe/Berlin"
      }

      volume_mount {
        volume      = "pihole-etc"
        destination = "/etc/pihole"
        read_only   = false
      }

      vault {
        role = "nomad-workloads"
      }

      template {
        data        = <<EOT
{{ with secret "secret/data/pihole" -}}
FTLCONF_webserver_api_password="{{ index .Data.data "web-password" | replaceAll "\\" "\\\\" | replaceAll "\"" "\\\"" | replaceAll "\n" "\\n" | replaceAll "\t" "\\t" }}"
{{ end -}}
EOT
        destination = "secrets/vault.env"
        change_mode = "restart"
        perms       = "0600"
        env         = true
      }

      resources {
        cpu    = 200
        memory = 256
      }
    }
  }
}
