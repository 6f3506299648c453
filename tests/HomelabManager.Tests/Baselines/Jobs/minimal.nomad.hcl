job "minimal" {
  datacenters = ["*"]
  type        = "service"

  meta {
    homelab-manager-hash     = "b6edb63563ad339870f3399400dedafc5fa14d6b495d785a918a071d1592b6ee"
    homelab-manager-job-hash = "2b78ee492c544456eb5d0e2fcb70d401b8c0cfb24a1082e6d1873349afacceb1"
    homelab-manager-version  = "0.1.0-test"
    managed-by               = "homelab-manager"
  }

  group "minimal" {
    count = 1

    update {
      max_parallel      = 1
      health_check      = "task_states"
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

    task "minimal" {
      driver = "docker"

      config {
        image = "busybox:1.36"
      }

      resources {
        cpu    = 100
        memory = 300
      }
    }
  }
}
