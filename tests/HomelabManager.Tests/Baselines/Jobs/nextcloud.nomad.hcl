job "nextcloud" {
  datacenters = ["*"]
  type        = "service"

  meta {
    homelab-manager-hash     = "63089720dea6a8f4f52a2128272645bed0ab339dc7b8dbfbb539bfcccd8670ec"
    homelab-manager-job-hash = "00a018486a1b73624f2a943e8fa7c37cdb9e2e0e23279314081b4a8db2d188e1"
    homelab-manager-version  = "0.1.0-test"
    managed-by               = "homelab-manager"
  }

  group "nextcloud" {
    count = 1

    network {
      port "p80" {
        static = 8080
        to     = 80
      }
    }

    volume "nextcloud-data" {
      type            = "host"
      source          = "nextcloud-data"
      read_only       = false
      access_mode     = "single-node-writer"
      attachment_mode = "file-system"
    }

    service {
      name     = "nextcloud"
      provider = "consul"
      port     = "p80"

      check {
        name     = "alive"
        type     = "tcp"
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

    task "nextcloud" {
      driver = "docker"

      config {
        image = "nextcloud:latest"
        ports = ["p80"]
      }

      env {
        TZ = "Europe/Berlin"
      }

      volume_mount {
        volume      = "nextcloud-data"
        destination = "/var/www/html"
        read_only   = false
      }

      vault {
        role = "nomad-workloads"
      }

      template {
        data        = <<EOT
{{ with secret "secret/data/nextcloud" -}}
NEXTCLOUD_ADMIN_PASSWORD="{{ index .Data.data "admin_password" | replaceAll "\\" "\\\\" | replaceAll "\"" "\\\"" | replaceAll "\n" "\\n" | replaceAll "\t" "\\t" }}"
NEXTCLOUD_ADMIN_USER="{{ index .Data.data "admin_user" | replaceAll "\\" "\\\\" | replaceAll "\"" "\\\"" | replaceAll "\n" "\\n" | replaceAll "\t" "\\t" }}"
{{ end -}}
EOT
        destination = "secrets/vault.env"
        change_mode = "restart"
        perms       = "0600"
        env         = true
      }

      resources {
        cpu    = 1000
        memory = 2048
      }
    }
  }
}
